package dev.driftless.plan;

/** Which image a rendered task definition runs. */
public sealed interface ImageRef permits ImageRef.Tag, ImageRef.Digest, ImageRef.KeepLive {

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>}. */
    record Tag(String tag) implements ImageRef {
        /** Docker's tag grammar: ECR and the registry refuse anything else, after the task definition is registered. */
        private static final java.util.regex.Pattern GRAMMAR = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

        public Tag {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("an image tag must not be blank");
            }
            if (!GRAMMAR.matcher(tag).matches()) {
                throw new IllegalArgumentException("'" + tag + "' is not an image tag: use up to 128 letters, digits, '_', '.'"
                        + " and '-', not starting with '.' or '-' (or sha256:<64 hex digits> for a digest)");
            }
        }
    }

    /** {@code ...@sha256:<hex>}; {@code digest} includes the {@code sha256:} prefix. */
    record Digest(String digest) implements ImageRef {
        public Digest {
            if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
                throw new IllegalArgumentException("an image digest looks like sha256:<64 hex digits>, not " + digest);
            }
        }
    }

    /**
     * The image the service runs now (for services a pull request does not build); a service that does
     * not exist yet gets {@code fallback}.
     */
    record KeepLive(ImageRef fallback) implements ImageRef {
    }

    /** A tag or a digest, from user input: {@code sha256:...} is a digest, anything else a tag. */
    public static ImageRef parse(String value) {
        return value.startsWith("sha256:") ? new Digest(value) : new Tag(value);
    }
}
