package dev.driftless.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Credentials when no role is assumed, read from the run's environment map (never the process
 * environment): access keys if set, else the profile named by {@code AWS_PROFILE}, else the SDK's
 * default chain (instance/container roles, SSO, ~/.aws).
 */
public final class EnvironmentCredentials {
    private EnvironmentCredentials() {
    }

    public static AwsCredentialsProvider from(Map<String, String> env) {
        String keyId = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (keyId != null && secret != null) {
            String token = blankToNull(env.get("AWS_SESSION_TOKEN"));
            return StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, token));
        }
        String profile = blankToNull(env.get("AWS_PROFILE"));
        if (profile != null) {
            return ProfileCredentialsProvider.builder().profileName(profile).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** What {@link #from} will use, for messages ("access keys from the environment", ...). */
    public static String describe(Map<String, String> env) {
        if (blankToNull(env.get("AWS_ACCESS_KEY_ID")) != null && blankToNull(env.get("AWS_SECRET_ACCESS_KEY")) != null) {
            return "access keys from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";
        }
        String profile = blankToNull(env.get("AWS_PROFILE"));
        return profile != null ? "profile " + profile : "the AWS SDK default credentials chain";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
