package dev.driftless.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How an {@link AwsClients} gets its credentials. Given an unsigned STS client (built on demand, sharing
 * the clients' HTTP client, region, endpoint and retries) because assuming a role through web identity
 * is itself an STS call that must not be signed.
 */
@FunctionalInterface
public interface CredentialsSource {
    AwsCredentialsProvider provider(Supplier<StsClient> unsignedSts);

    static CredentialsSource of(AwsCredentialsProvider provider) {
        return sts -> provider;
    }
}
