package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.FakeClock;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.testing.GitHubStubs;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * GitHub is never on the critical path of a deploy: with GitHub answering 500, 403 or 404, or dropping the
 * connection — on every call at once, or a 403 on each call in turn — the deploy still exits 0, its services
 * are deployed, and each GitHub step that failed is one warning with the fix.
 */
class GitHubFaultsDeployTest {
    static final String REPO = "acme/durable-code";
    static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    static final String TRACKER = "/repos/" + REPO + "/contents/planning/deployment/PROGRESS_TRACKER.md";
    static MotoServer moto;

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path specs;
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T10:00:00Z"));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @BeforeEach
    void sampleSpecAndAWorkingGitHub() throws Exception {
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        specs = dir.resolve("durable-code.yaml");
        Files.writeString(specs, Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("subnet-0a1b2c3d", network.subnet()).replace("sg-0c2d3e4f", network.securityGroup()));
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            ecs.createCluster(r -> r.clusterName("durable-code-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
        }
        GitHubStubs.stubBasics(github, REPO, "repo:" + REPO + ":ref:refs/heads/main");
        GitHubStubs.stubDeployments(github, REPO, 77, SHA);
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/commits/" + SHA + "/pulls")).willReturn(GitHubStubs.json(
                "[{\"number\":2,\"state\":\"closed\",\"url\":\"" + github.baseUrl() + "/repos/" + REPO + "/pulls/2\"}]")));
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/issues/2")).willReturn(GitHubStubs.json("{\"number\":2,"
                + "\"url\":\"" + github.baseUrl() + "/repos/" + REPO + "/issues/2\",\"pull_request\":{\"url\":\""
                + github.baseUrl() + "/repos/" + REPO + "/pulls/2\"}}")));
        github.stubFor(post(urlPathEqualTo("/repos/" + REPO + "/issues/2/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":5}")));
        String tracker;
        try (var in = getClass().getResourceAsStream("/tracker/PROGRESS_TRACKER.md")) {
            tracker = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        github.stubFor(get(urlPathEqualTo(TRACKER)).willReturn(GitHubStubs.json("{\"type\":\"file\",\"encoding\":\"base64\","
                + "\"name\":\"PROGRESS_TRACKER.md\",\"path\":\"planning/deployment/PROGRESS_TRACKER.md\",\"sha\":\"tracker-1\","
                + "\"content\":\"" + Base64.getEncoder().encodeToString(tracker.getBytes(StandardCharsets.UTF_8)) + "\"}")));
        github.stubFor(put(urlPathEqualTo(TRACKER)).willReturn(GitHubStubs.json(
                "{\"content\":{\"sha\":\"tracker-2\"},\"commit\":{\"sha\":\"c0ffee\"}}")));
    }

    int deploy() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", moto.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("GITHUB_WORKSPACE", dir.toString());
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_REPOSITORY", REPO);
        env.put("GITHUB_TOKEN", GitHubStubs.TOKEN);
        env.put("GITHUB_SHA", SHA);
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("GITHUB_RUN_ID", "4242");
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(new String[] {"deploy", "--image-tag", "v1", "--specs", specs.toString(), "--env", "dev"},
                new CommandContext(env, o, e, clock, clock.sleeper(), new ActionsRuntime(env, o, e)));
    }

    static ResponseDefinitionBuilder status(int code) {
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + (code == 403 ? "Resource not accessible by integration" : code == 404
                        ? "Not Found" : "Server Error") + "\"}");
    }

    static Stream<Arguments> everyCallFails() {
        return Stream.of(
                Arguments.of("500", status(500)),
                Arguments.of("403", status(403)),
                Arguments.of("404", status(404)),
                Arguments.of("dropped connection", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    void assertDeployedWithWarnings(int code) throws Exception {
        assertThat(code).as(err.toString() + out).isZero();
        assertThat(Files.readString(dir.resolve("output"))).containsPattern("deployed<<[^\\n]+\\ntrue");
        assertThat(out.toString()).contains("backend: created").contains("frontend: created")
                .contains("::warning::").doesNotContain("::error::");
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            assertThat(ecs.describeServices(r -> r.cluster("durable-code-dev").services("backend", "frontend")).services())
                    .extracting(s -> s.taskDefinition().replaceAll(".*/", ""))
                    .containsExactly("durable-code-dev-backend:1", "durable-code-dev-frontend:1");
        }
    }

    @ParameterizedTest(name = "GitHub answers every call with {0}")
    @MethodSource("everyCallFails")
    void gitHubFailingOnEveryCallLeavesTheDeploySuccessful(String kind, ResponseDefinitionBuilder answer) throws Exception {
        github.stubFor(any(anyUrl()).atPriority(1).willReturn(answer));

        assertDeployedWithWarnings(deploy());

        assertThat(out.toString()).contains("::warning::GitHub: ").contains("the run's result does not depend on it");
    }

    static Stream<Arguments> eachCall() {
        Function<String, MappingBuilder> getPath = p -> get(urlPathEqualTo(p));
        Function<String, MappingBuilder> postPath = p -> post(urlPathEqualTo(p));
        return Stream.of(
                Arguments.of("GET /user", getPath.apply("/user")),
                Arguments.of("GET the repository", getPath.apply("/repos/" + REPO)),
                Arguments.of("POST a deployment", postPath.apply("/repos/" + REPO + "/deployments")),
                Arguments.of("POST a deployment status", postPath.apply("/repos/" + REPO + "/deployments/77/statuses")),
                Arguments.of("GET the commit's pull requests", getPath.apply("/repos/" + REPO + "/commits/" + SHA + "/pulls")),
                Arguments.of("POST the comment", postPath.apply("/repos/" + REPO + "/issues/2/comments")),
                Arguments.of("GET the tracker", getPath.apply(TRACKER)),
                Arguments.of("PUT the tracker", put(urlPathEqualTo(TRACKER))));
    }

    @ParameterizedTest(name = "403 on {0}")
    @MethodSource("eachCall")
    void aRefusalOfAnyOneCallIsAWarningWithTheFix(String call, MappingBuilder refused) throws Exception {
        github.stubFor(refused.atPriority(0).willReturn(status(403)));

        assertDeployedWithWarnings(deploy());

        assertThat(out.toString()).containsPattern("::warning::(GitHub|tracker): ");
    }

}
