package dev.driftless.engine.build;

import dev.driftless.DriftlessException;
import java.util.Locale;

/** ECR finding severities, worst first. {@link #NONE} as a threshold means "never fail". */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED, NONE;

    /** True when this severity is as bad as, or worse than, {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return threshold != NONE && this != NONE && ordinal() <= threshold.ordinal();
    }

    /** ECR's spelling; unknown severities (ECR adds some, e.g. UNTRIAGED) count as UNDEFINED. */
    public static Severity ofEcr(String s) {
        if (s == null) {
            return UNDEFINED;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNDEFINED;
        }
    }

    /** A {@code failOn} threshold from the spec or the command line. */
    public static Severity threshold(String s) {
        String v = s == null ? "CRITICAL" : s.trim().toUpperCase(Locale.ROOT);
        try {
            Severity t = valueOf(v);
            if (t != UNDEFINED) {
                return t;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message
        }
        throw new DriftlessException("scan failOn '" + s + "' is not a severity",
                "use one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or NONE");
    }
}
