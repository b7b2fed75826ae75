package dev.driftless.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.driftless.DriftlessException;
import dev.driftless.auth.AwsIdentity;
import dev.driftless.cli.CommandContext;
import dev.driftless.cli.CommonOptions;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;

@ExtendWith(MotoExtension.class)
class AwsClientsTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(20));

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static CommandContext context(Map<String, String> env) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CommandContext.of(env, sink, sink);
    }

    @Test
    void forEnvironmentBuildsWorkingClientsForEveryService(MotoServer moto) {
        try (AwsClients clients = AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", null), "dev",
                context(moto.awsEnvironment()), new CommonOptions())) {
            clients.ecs().createCluster(b -> b.clusterName("durable-code-dev"));

            assertThat(clients.ecs().listClusters().clusterArns()).singleElement().asString().endsWith("/durable-code-dev");
            assertThat(clients.ecr().describeRepositories().repositories()).isEmpty();
            assertThat(clients.autoScaling().describeScalableTargets(b -> b.serviceNamespace("ecs")).scalableTargets()).isEmpty();
            assertThat(clients.sts().getCallerIdentity().account()).isEqualTo("123456789012");
            assertThat(clients.region()).isEqualTo("us-west-2");
        }
    }

    @Test
    void clientsAreBuiltOnceAndShared(MotoServer moto) {
        try (AwsClients clients = AwsClients.create(AwsSettings.of("us-west-2", moto.awsEnvironment()))) {
            assertThat(clients.ecs()).isSameAs(clients.ecs());
            assertThat(clients.sts()).isSameAs(clients.sts());
        }
    }

    @Test
    void aPerServiceEndpointWinsOverTheGeneralOne(MotoServer moto) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");   // the discard port: nothing answers there
        env.put("AWS_ENDPOINT_URL_ECS", moto.endpoint());

        try (AwsClients clients = AwsClients.create(AwsSettings.of("us-west-2", env).withRetry(FAST))) {
            assertThat(clients.ecs().listClusters().clusterArns()).isEmpty();
            assertThatThrownBy(() -> clients.ecr().describeRepositories()).isInstanceOf(SdkException.class);
        }
    }

    @Test
    void theAccountGuardPassesTheSpecsAccount(MotoServer moto) {
        try (AwsClients clients = AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", null), "dev",
                context(moto.awsEnvironment()), new CommonOptions())) {
            AwsIdentity me = clients.requireAccount();

            assertThat(me.account()).isEqualTo("123456789012");
            assertThat(me.arn()).startsWith("arn:aws:");
        }
    }

    @Test
    void theAccountGuardStopsAnotherAccountNamingBoth(MotoServer moto) {
        try (AwsClients clients = AwsClients.forEnvironment(TestSpecs.spec("999999999999", "us-west-2", null), "dev",
                context(moto.awsEnvironment()), new CommonOptions())) {
            assertThatThrownBy(clients::requireAccount)
                    .isInstanceOf(DriftlessException.class)
                    .hasMessageContaining("account 123456789012")
                    .hasMessageContaining("allows only account 999999999999")
                    .hasMessageContaining("deploy-specs/durable-code.yaml");
        }
    }

    @Test
    void throttlingIsRetriedWithTheSharedPolicy(MotoServer moto) {
        aws.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.ListClusters"))
                .inScenario("throttle once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("throttled"));
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());

        try (AwsClients clients = AwsClients.create(AwsSettings.of("us-west-2", env).withRetry(FAST))) {
            assertThat(clients.ecs().listClusters().clusterArns()).isEmpty();
        }
        aws.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.ListClusters")));
    }

    @Test
    void retriesAreBoundedAndTheFailureNamesTheAction(MotoServer moto) {
        aws.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.ListClusters"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());

        try (AwsClients clients = AwsClients.create(AwsSettings.of("us-west-2", env).withRetry(FAST))) {
            assertThatThrownBy(() -> {
                try {
                    clients.ecs().listClusters();
                } catch (SdkException e) {
                    throw AwsFailures.translate(e, "ecs:ListClusters", "listing clusters");
                }
            }).isInstanceOf(DriftlessException.class).hasMessageContaining("kept throttling ecs:ListClusters");
        }
        aws.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void anEcsDenialWithoutErrorCodeNamesTheIamAction(MotoServer moto) {
        aws.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{}")));
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());

        try (AwsClients clients = AwsClients.create(AwsSettings.of("us-west-2", env).withRetry(FAST))) {
            assertThatThrownBy(() -> {
                try {
                    clients.ecs().updateService(b -> b.cluster("c").service("s").desiredCount(0));
                } catch (SdkException e) {
                    throw AwsFailures.translate(e, "ecs:UpdateService", "stopping service s");
                }
            }).isInstanceOf(DriftlessException.class)
                    .hasMessageContaining("AWS denied ecs:UpdateService while stopping service s")
                    .extracting(e -> ((DriftlessException) e).hint()).asString()
                    .contains("allow ecs:UpdateService");
        }
    }

    @Test
    void sharedPiecesForHandBuiltClientsAreExposed(MotoServer moto) {
        try (AwsClients clients = AwsClients.create(AwsSettings.of("eu-west-1", moto.awsEnvironment()))) {
            assertThat(clients.httpClient()).isNotNull();
            assertThat(clients.credentials().resolveCredentials().accessKeyId()).isEqualTo("testing");
            assertThat(clients.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
            assertThat(clients.endpoint(ServiceId.COST_EXPLORER).uri()).hasToString(moto.endpoint());
            assertThat(clients.endpoint(ServiceId.COST_EXPLORER).signingRegion()).isEqualTo("us-east-1");
        }
    }
}
