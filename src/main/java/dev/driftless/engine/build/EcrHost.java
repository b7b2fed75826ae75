package dev.driftless.engine.build;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon ECR registry host, {@code <account>.dkr.ecr.<region>.amazonaws.com}, as named at the start of an
 * image reference.
 */
public record EcrHost(String host, String account, String region) {
    private static final Pattern HOST = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    /** The ECR registry an image lives in; empty for any other registry (Docker Hub, a local one) or a bare name. */
    public static Optional<EcrHost> of(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String host = image.substring(0, slash);
        Matcher m = HOST.matcher(host);
        return m.matches() ? Optional.of(new EcrHost(host, m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return host;
    }
}
