package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.aws.MotoClients;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * API economy, counted from WireMock's request journal with WireMock proxying every AWS call to moto:
 * planning 10 services in one cluster whose hash tags all match makes one DescribeServices call, no
 * DescribeTaskDefinition and nothing per task.
 */
@ExtendWith(MotoExtension.class)
class PlanApiEconomyTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tmp;

    /** The sample spec with eight more services (ten in all), in dev's one cluster. */
    private Path tenServices() throws Exception {
        String extra = IntStream.rangeClosed(3, 10).mapToObj(i -> "  worker" + i + ":\n"
                + "    image: { repository: durable-code-worker" + i + " }\n"
                + "    cpu: 256\n    memory: 512\n    desiredCount: 1\n").collect(Collectors.joining());
        return PlanRun.sampleWith(Files.createDirectories(tmp.resolve("specs")), "\nservices:\n", "\nservices:\n" + extra);
    }

    private Map<String, Long> operations() {
        return aws.findAll(anyRequestedFor(anyUrl())).stream().collect(Collectors.groupingBy(r -> {
            String target = r.getHeader("X-Amz-Target");
            if (target != null) {
                return target.substring(target.indexOf('.') + 1);
            }
            String body = r.getBodyAsString();
            return body.contains("Action=") ? body.replaceAll(".*Action=([A-Za-z]+).*", "$1") : r.getMethod() + " " + r.getUrl();
        }, TreeMap::new, Collectors.counting()));
    }

    @Test
    void tenUnchangedServicesCostOneDescribeServicesAndNoTaskDefinitionReads(MotoServer moto) throws Exception {
        Path spec = tenServices();
        try (MotoClients direct = new MotoClients(moto)) {
            PlanRun.deploy(direct, PlanRun.load(spec), "dev", "abc123");
        }
        aws.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());
        env.put("RUNNER_TEMP", tmp.toString());

        PlanRun run = PlanRun.run(env, "--specs", spec.toString(), "--env", "dev", "--image-tag", "abc123", "--json",
                "--detailed-exitcode");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.json().path("services")).hasSize(10);
        Map<String, Long> calls = operations();
        assertThat(calls).containsEntry("DescribeServices", 1L).doesNotContainKey("DescribeTaskDefinition")
                .doesNotContainKeys("ListTasks", "DescribeTasks");
        // the rest is the account guard's GetCallerIdentity (before any read) and Application Auto Scaling: one
        // paged read of targets, one of policies
        assertThat(calls).containsEntry("GetCallerIdentity", 1L);
        assertThat(calls.keySet()).containsOnly("GetCallerIdentity", "DescribeServices", "DescribeScalableTargets",
                "DescribeScalingPolicies");
        System.out.println("plan of 10 unchanged services, AWS calls: " + calls);
    }

    @Test
    void aNewImageReadsEachLiveDefinitionOnceStillWithOneDescribeServices(MotoServer moto) throws Exception {
        Path spec = tenServices();
        try (MotoClients direct = new MotoClients(moto)) {
            PlanRun.deploy(direct, PlanRun.load(spec), "dev", "abc123");
        }
        aws.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());
        env.put("RUNNER_TEMP", tmp.toString());

        PlanRun run = PlanRun.run(env, "--specs", spec.toString(), "--env", "dev", "--image-tag", "def456", "--json");

        assertThat(run.code).as(run.err).isZero();
        Map<String, Long> calls = operations();
        assertThat(calls).containsEntry("DescribeServices", 1L).containsEntry("DescribeTaskDefinition", 10L);
        System.out.println("plan of 10 services with a new image, AWS calls: " + calls);
    }
}
