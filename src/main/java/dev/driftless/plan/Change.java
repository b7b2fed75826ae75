package dev.driftless.plan;

/**
 * One difference between live and desired.
 *
 * @param field what changed ("cpu", "image", an environment variable's name, ...)
 * @param from the live value; null when the field is being added
 * @param to the desired value; null when the field is being removed
 * @param redacted values are not shown (environment variables and secrets: names only)
 * @param drift the live value differs from what driftless last deployed: someone changed it outside git,
 *              and applying the plan puts it back
 */
public record Change(ChangeGroup group, String field, String from, String to, boolean redacted, boolean drift) {

    public static Change of(ChangeGroup group, String field, String from, String to) {
        return new Change(group, field, from, to, false, false);
    }

    public Change asDrift(boolean isDrift) {
        return new Change(group, field, from, to, redacted, isDrift);
    }

    /** "added", "removed" or "changed" — the whole story for a redacted change. */
    public String kind() {
        if (from == null) {
            return "added";
        }
        if (to == null) {
            return "removed";
        }
        return "changed";
    }

    /** {@code from → to}, or just the kind when the values are redacted. */
    public String describe() {
        if (redacted) {
            return kind();
        }
        if (from == null) {
            return "+ " + to;
        }
        if (to == null) {
            return "- " + from;
        }
        return from + " → " + to;
    }
}
