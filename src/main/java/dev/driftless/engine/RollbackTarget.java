package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.engine.TaskDefinitionStore.Revision;
import dev.driftless.engine.TaskDefinitionStore.RevisionDetails;
import dev.driftless.plan.ServiceTags;
import java.util.Locale;

/** What {@code rollback --to} names: previous, revision:N, sha:GITSHA or image:TAG. */
public sealed interface RollbackTarget {

    /** Whether a revision is this target (not used for {@link Previous}, which depends on what runs). */
    boolean matches(RevisionDetails details);

    /** The revision before the one that runs (the deploy's recorded previous one when there is a record). */
    record Previous() implements RollbackTarget {
        @Override
        public boolean matches(RevisionDetails details) {
            return false;
        }

        @Override
        public String toString() {
            return "previous";
        }
    }

    record RevisionNumber(int revision) implements RollbackTarget {
        @Override
        public boolean matches(RevisionDetails details) {
            return details.revision().revision() == revision;
        }

        @Override
        public String toString() {
            return "revision:" + revision;
        }
    }

    /** A commit; abbreviated SHAs (7+ characters) match as prefixes. */
    record GitSha(String sha) implements RollbackTarget {
        @Override
        public boolean matches(RevisionDetails details) {
            String tagged = details.tags().get(ServiceTags.GIT_SHA);
            return tagged != null && !tagged.isBlank()
                    && (tagged.startsWith(sha.toLowerCase(Locale.ROOT)) || sha.toLowerCase(Locale.ROOT).startsWith(tagged));
        }

        @Override
        public String toString() {
            return "sha:" + sha;
        }
    }

    /** An image tag (the part after ':') or digest (after '@'). */
    record ImageTag(String tag) implements RollbackTarget {
        @Override
        public boolean matches(RevisionDetails details) {
            String image = details.image();
            return image != null && (image.endsWith(":" + tag) || image.endsWith("@" + tag));
        }

        @Override
        public String toString() {
            return "image:" + tag;
        }
    }

    /** Parses the {@code --to} value; null when it is none of the four forms. */
    static RollbackTarget parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.equals("previous")) {
            return new Previous();
        }
        if (v.startsWith("revision:") && v.substring(9).matches("\\d+")) {
            String digits = v.substring(9);
            if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE || Long.parseLong(digits) < 1) {
                throw new DriftlessException("--to " + v + ": a task definition revision is between 1 and " + Integer.MAX_VALUE,
                        "name a revision the service's family has, e.g. revision:42, or use previous");
            }
            return new RevisionNumber(Integer.parseInt(digits));
        }
        if (v.startsWith("sha:") && v.substring(4).matches("(?i)[0-9a-f]{7,40}")) {
            return new GitSha(v.substring(4));
        }
        if (v.startsWith("image:") && v.length() > 6) {
            return new ImageTag(v.substring(6));
        }
        return null;
    }

    /** One candidate, as listed when a target is not found. */
    static String describe(RevisionDetails d) {
        Revision r = d.revision();
        String sha = d.tags().get(ServiceTags.GIT_SHA);
        String image = d.image() == null ? "?" : d.image().substring(Math.max(d.image().lastIndexOf(':'), d.image().lastIndexOf('@')) + 1);
        return "revision:" + r.revision() + " (image " + image + (sha == null || sha.isBlank() ? "" : ", sha " + sha) + ")";
    }
}
