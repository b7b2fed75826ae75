package dev.driftless.plan;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * CPU and memory as ECS accepts them: CPU units or vCPU ("256", "0.25 vCPU"), MiB or GB ("512",
 * "0.5 GB"). ECS stores what it was given, so a definition registered with "0.25 vCPU" reads back that
 * way; both forms normalise to the integer units the spec uses.
 */
public final class Units {
    private Units() {
    }

    /** CPU units from "256", "256 units", "0.25 vCPU", "1vcpu". */
    public static int cpuUnits(String value) {
        String v = clean(value);
        if (v.endsWith("vcpu")) {
            return scaled(v.substring(0, v.length() - 4), 1024, value);
        }
        if (v.endsWith("units")) {
            v = v.substring(0, v.length() - 5);
        }
        return whole(v, value);
    }

    /** MiB from "512", "512 MiB", "0.5 GB", "2gb". */
    public static int memoryMiB(String value) {
        String v = clean(value);
        if (v.endsWith("gb") || v.endsWith("gib")) {
            return scaled(v.substring(0, v.length() - (v.endsWith("gib") ? 3 : 2)), 1024, value);
        }
        if (v.endsWith("mib") || v.endsWith("mb")) {
            v = v.substring(0, v.length() - (v.endsWith("mib") ? 3 : 2));
        }
        return whole(v, value);
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no cpu/memory value");
        }
        return value.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static int scaled(String number, int factor, String original) {
        try {
            return new BigDecimal(number).multiply(BigDecimal.valueOf(factor)).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + original + "' is not a cpu/memory size", e);
        }
    }

    private static int whole(String number, String original) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + original + "' is not a cpu/memory size", e);
        }
    }
}
