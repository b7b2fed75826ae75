package dev.driftless.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Registers a small manifest in moto's ECR under its real sha256 digest, as a push would. */
public final class TestImages {
    private TestImages() {
    }

    public static String put(EcrClient ecr, String repository, String tag) {
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":100,"
                + "\"digest\":\"sha256:" + "1".repeat(64) + "\"},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":10,\"digest\":\"sha256:"
                + sha256(tag) + "\"}]}";
        return put(ecr, repository, tag, manifest);
    }

    public static String put(EcrClient ecr, String repository, String tag, String manifest) {
        String digest = "sha256:" + sha256(manifest);
        ecr.putImage(r -> r.repositoryName(repository).imageTag(tag).imageManifest(manifest).imageDigest(digest));
        return digest;
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
