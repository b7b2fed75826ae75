package dev.driftless;

/**
 * A failure the user can act on: printed as one line (plus a hint naming the fix) without a stack
 * trace, and mapped to exit code 1. Everything that can go wrong because of input, configuration or
 * an AWS/GitHub answer is turned into one of these at the edge where it is understood.
 */
public class DriftlessException extends RuntimeException {
    private final String hint;

    public DriftlessException(String message) {
        this(message, null, null);
    }

    public DriftlessException(String message, String hint) {
        this(message, hint, null);
    }

    public DriftlessException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What to do about it, or null when the message already says so. */
    public String hint() {
        return hint;
    }
}
