package dev.driftless.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 30m}, {@code 1h30m}, or ISO-8601 {@code PT30M}. */
public final class Durations {
    private static final Pattern HUMAN = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /**
     * The longest wait driftless accepts: 5 days, the longest a self-hosted runner's job may run (a hosted
     * one stops at 6 hours), so anything longer can only be a typo.
     */
    public static final Duration MAX = Duration.ofDays(5);

    private Durations() {
    }

    /** The duration, or null when the text is not one. */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            try {
                return Duration.parse(v);
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher m = HUMAN.matcher(v);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        try {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long s = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            return Duration.ofHours(h).plusMinutes(min).plusSeconds(s);
        } catch (ArithmeticException | NumberFormatException e) {
            // more digits than a duration can hold: longer than any range allows, said as such by rangeProblem
            return java.time.temporal.ChronoUnit.FOREVER.getDuration();
        }
    }

    /** Why a parsed duration is outside (0, {@link #MAX}], or null when it is inside. */
    public static String rangeProblem(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return "must be above 0";
        }
        if (d.compareTo(MAX) > 0) {
            return "is longer than " + format(MAX) + " (5 days), the longest driftless waits";
        }
        return null;
    }

    /** {@code 1h30m}, {@code 45s}: the short form people write. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            b.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || b.length() == 0) {
            b.append(s % 60).append('s');
        }
        return b.toString();
    }
}
