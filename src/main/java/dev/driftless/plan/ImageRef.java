package dev.driftless.plan;

/** Which image a rendered task definition runs. */
public sealed interface ImageRef permits ImageRef.Tag, ImageRef.Digest, ImageRef.KeepLive {

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>}. */
    record Tag(String tag) implements ImageRef {
        public Tag {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("an image tag must not be blank");
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
    static ImageRef parse(String value) {
        return value.startsWith("sha256:") ? new Digest(value) : new Tag(value);
    }
}
