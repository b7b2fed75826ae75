package dev.driftless.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

@ExtendWith(MotoExtension.class)
class MotoExtensionTest {

    @Test
    void createsAndReadsAnEcsClusterThroughTheSdk(MotoServer moto) {
        try (EcsClient ecs = EcsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .endpointOverride(URI.create(moto.endpoint()))
                .build()) {
            ecs.createCluster(b -> b.clusterName("durable-code-dev"));

            var clusters = ecs.describeClusters(b -> b.clusters("durable-code-dev")).clusters();

            assertThat(clusters).singleElement().satisfies(c -> {
                assertThat(c.clusterName()).isEqualTo("durable-code-dev");
                assertThat(c.status()).isEqualTo("ACTIVE");
            });
        }
    }

    @Test
    void stateIsResetBetweenTests(MotoServer moto) {
        try (EcsClient ecs = EcsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .endpointOverride(URI.create(moto.endpoint()))
                .build()) {
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
        }
    }
}
