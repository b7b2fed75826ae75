package dev.driftless.render;

import java.util.Locale;

/** USD as the reports print it: $1,234.56, and signed deltas (+$1.20 / −$0.40). */
final class Money {
    private Money() {
    }

    static String usd(double v) {
        return (v < -0.004 ? "−" : "") + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
    }

    static String delta(double v) {
        if (Math.abs(v) < 0.005) {
            return "±$0.00";
        }
        return (v > 0 ? "+" : "−") + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
    }

    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s.replaceAll("0$", "");
    }
}
