package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.auth.Jwts;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --role-arn} on the commands other than {@code auth}: the role it names is the one assumed through
 * the runtime's OIDC token (WireMock) and moto's STS, ahead of the input role-to-assume and the spec's role.
 */
@ExtendWith(MotoExtension.class)
class RoleArnFlagTest {
    static final String FLAG_ROLE = "arn:aws:iam::123456789012:role/break-glass-deployer";
    static final String INPUT_ROLE = "arn:aws:iam::123456789012:role/from-the-input";
    static final String SPEC_ROLE = "arn:aws:iam::123456789012:role/durable-code-deploy-dev";
    static final String AT = "2026-11-28T18:00:00Z"; // Saturday: the dev schedule wants the services stopped

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "plan --image-tag abc123",
        "deploy --dry-run --image-tag abc123",
        "rollback --dry-run",
        "stop --dry-run",
        "start --dry-run",
        "schedule --dry-run",
    })
    void theFlagsRoleIsAssumedInsteadOfTheSpecsRole(String command, MotoServer moto) throws IOException {
        Map<String, String> env = actionsEnv(moto);

        run(env, command, "--role-arn", FLAG_ROLE);

        assertThat(stderr()).doesNotContain("unexpected").doesNotContain("role is required");
        assertThat(assumedRoles()).as(stderr()).containsExactly(FLAG_ROLE);
    }

    @Test
    void theFlagWinsOverTheInputRoleToAssume(MotoServer moto) throws IOException {
        Map<String, String> env = actionsEnv(moto);
        env.put("INPUT_ROLE-TO-ASSUME", INPUT_ROLE);

        int code = run(env, "stop --dry-run", "--role-arn", FLAG_ROLE);

        assertThat(code).as(stderr()).isZero();
        assertThat(assumedRoles()).containsExactly(FLAG_ROLE);
    }

    @Test
    void withoutTheFlagTheSpecsRoleIsAssumed(MotoServer moto) throws IOException {
        int code = run(actionsEnv(moto), "stop --dry-run");

        assertThat(code).as(stderr()).isZero();
        assertThat(assumedRoles()).containsExactly(SPEC_ROLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plan", "deploy", "stop", "start", "schedule", "cost", "build", "rollback"})
    void aMalformedFlagIsAUsageErrorNamingTheValueAndTheShape(String command, MotoServer moto) throws IOException {
        int code = run(actionsEnv(moto), command, "--role-arn", "arn:aws:iam::12345:role/deploy");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("Invalid value for option '--role-arn': 'arn:aws:iam::12345:role/deploy' is not an IAM role ARN")
                .contains("arn:aws:iam::<12-digit account>:role/<role name>")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(wm.getAllServeEvents()).as("nothing was called").isEmpty();
    }

    /** The roles named in AssumeRoleWithWebIdentity requests, in order. */
    private static List<String> assumedRoles() {
        List<String> roles = new ArrayList<>();
        for (LoggedRequest r : wm.findAll(postRequestedFor(anyUrl()).withRequestBody(containing("Action=AssumeRoleWithWebIdentity")))) {
            for (String pair : r.getBodyAsString().split("&")) {
                if (pair.startsWith("RoleArn=")) {
                    roles.add(URLDecoder.decode(pair.substring("RoleArn=".length()), StandardCharsets.UTF_8));
                }
            }
        }
        return roles;
    }

    /** A job with id-token: write, AWS behind WireMock proxying to moto, the sample spec whose dev has a role. */
    private Map<String, String> actionsEnv(MotoServer moto) throws IOException {
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wm.stubFor(get(urlPathEqualTo("/_apis/token")).atPriority(1).willReturn(
                okJson("{\"value\":\"" + Jwts.githubToken("repo:octo-org/durable-code:environment:dev", "dev", "flag") + "\"}")));
        wm.resetRequests();
        Path spec = dir.resolve("durable-code.yaml");
        try (InputStream in = getClass().getResourceAsStream("/schedule/durable-code.yaml")) {
            Files.write(spec, in.readAllBytes());
        }
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_REPOSITORY", "octo-org/durable-code");
        env.put("GITHUB_RUN_ID", "31");
        env.put("GITHUB_WORKSPACE", dir.toString());
        env.put("GITHUB_OUTPUT", Files.createFile(dir.resolve("output")).toString());
        env.put("GITHUB_STEP_SUMMARY", Files.createFile(dir.resolve("summary")).toString());
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", wm.baseUrl() + "/_apis/token?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token");
        env.put("AWS_ENDPOINT_URL", wm.baseUrl());
        env.put("INPUT_SPECS", spec.toString());
        env.put("INPUT_ENVIRONMENT", "dev");
        env.put("INPUT_AT", AT);
        env.put("INPUT_NO-TRACKER", "true");
        return env;
    }

    private int run(Map<String, String> env, String command, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
