package dev.driftless.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/** An ECR client pointed at a test endpoint (moto, or WireMock in front of it). */
public final class EcrTestClients {
    private EcrTestClients() {
    }

    public static EcrClient at(String endpoint) {
        return EcrClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
