package dev.driftless.engine.build;

import java.util.Locale;

/** Docker tags from git: the commit, and a tag-safe form of the branch. */
public final class ImageTags {
    private static final int MAX = 128;

    private ImageTags() {
    }

    /**
     * A Docker tag for a git ref: {@code refs/heads/feature/Login_v2} → {@code feature-login_v2},
     * {@code refs/pull/42/merge} → {@code pr-42}, {@code refs/tags/v1.2} → {@code v1.2}. Null when the
     * ref gives nothing usable.
     */
    public static String forRef(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String name = ref;
        if (name.startsWith("refs/pull/")) {
            String[] parts = name.split("/");
            return parts.length > 2 ? "pr-" + parts[2] : null;
        }
        name = name.replaceFirst("^refs/(heads|tags)/", "");
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("-{2,}", "-");
        // a tag may not start with '.' or '-'
        safe = safe.replaceAll("^[.-]+", "").replaceAll("-+$", "");
        if (safe.length() > MAX) {
            safe = safe.substring(0, MAX).replaceAll("[.-]+$", "");
        }
        return safe.isEmpty() ? null : safe;
    }

    /** Whether Docker accepts this as a tag. */
    public static boolean valid(String tag) {
        return tag != null && tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    }
}
