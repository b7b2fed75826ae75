package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.driftless.auth.Jwts;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(MotoExtension.class)
class AuthCommandTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/durable-code-deploy-dev";
    static final String REQUEST_TOKEN = "runtime-request-token-secret-42";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The runner's environment for a job with id-token: write, AWS behind WireMock (proxying to moto). */
    private Map<String, String> actionsEnv(MotoServer moto, String jwt) throws IOException {
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wm.stubFor(get(urlPathEqualTo("/_apis/token")).atPriority(1).willReturn(okJson("{\"value\":\"" + jwt + "\"}")));
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_REPOSITORY", "octo-org/durable-code");
        env.put("GITHUB_RUN_ID", "777");
        env.put("GITHUB_OUTPUT", Files.createFile(dir.resolve("output")).toString());
        env.put("GITHUB_STEP_SUMMARY", Files.createFile(dir.resolve("summary")).toString());
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", wm.baseUrl() + "/_apis/token?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
        env.put("AWS_ENDPOINT_URL", wm.baseUrl());
        env.put("AWS_REGION", "us-west-2");
        return env;
    }

    /** The secrets this run handled: what STS answered (read back from WireMock's proxy log) and the tokens. */
    private static List<String> secretsSeen(String jwt) {
        List<String> secrets = new ArrayList<>(List.of(REQUEST_TOKEN, jwt));
        for (ServeEvent e : wm.getAllServeEvents()) {
            if (e.getRequest().getBodyAsString().contains("Action=AssumeRoleWithWebIdentity")) {
                String xml = e.getResponse().getBodyAsString();
                for (String tag : List.of("AccessKeyId", "SecretAccessKey", "SessionToken")) {
                    Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(xml);
                    assertThat(m.find()).as(tag + " in the STS answer").isTrue();
                    secrets.add(m.group(1));
                }
            }
        }
        return secrets;
    }

    @Test
    void authAgainstMotoWithLocalCredentialsPrintsTheAccount(MotoServer moto) {
        int code = run(moto.awsEnvironment(), "auth");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("account: 123456789012").contains("arn:     arn:aws:").contains("region:  us-west-2");
        assertThat(stderr()).contains("output aws-account-id: 123456789012");
    }

    @Test
    void authAssumesTheRoleAndSetsOutputsWithoutLeakingACredential(MotoServer moto) throws IOException {
        String jwt = Jwts.githubToken("repo:octo-org/durable-code:ref:refs/heads/main", null, "auth-cmd");
        Map<String, String> env = actionsEnv(moto, jwt);

        int code = run(env, "auth", "--role-arn", ROLE);

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("account: 123456789012")
                .contains("arn:     arn:aws:sts::123456789012:assumed-role/durable-code-deploy-dev/driftless-octo-org-durable-code-777")
                .containsPattern("expires: \\S+ \\(in \\d+ min; renewed automatically");
        String outputs = Files.readString(Path.of(env.get("GITHUB_OUTPUT")));
        assertThat(outputs).containsPattern("aws-account-id<<ghadelimiter_\\S+\\n123456789012\\n")
                .containsPattern("aws-role-arn<<ghadelimiter_\\S+\\n" + Pattern.quote(ROLE) + "\\n");
        assertNoCredentialLeaks(env, secretsSeen(jwt));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "account guard fails,   --account, 999999999999, refusing to act",
        "json output,           --json,    '',           \"account\":\"123456789012\"",
        "debug on failure,      --debug,   --account=1,  refusing to act",
    })
    void noOutcomePrintsACredential(String name, String flag, String value, String expected, MotoServer moto) throws IOException {
        String jwt = Jwts.githubToken("repo:octo-org/durable-code:ref:refs/heads/main", null, name.replace(' ', '-'));
        Map<String, String> env = actionsEnv(moto, jwt);
        List<String> args = new ArrayList<>(List.of("auth", "--role-arn", ROLE, flag));
        if (!value.isEmpty()) {
            args.add(value);
        }

        run(env, args.toArray(String[]::new));

        assertThat(stdout() + stderr()).contains(expected);
        assertNoCredentialLeaks(env, secretsSeen(jwt));
    }

    private void assertNoCredentialLeaks(Map<String, String> env, List<String> secrets) throws IOException {
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
        String outputs = Files.readString(Path.of(env.get("GITHUB_OUTPUT")));
        String summary = Files.readString(Path.of(env.get("GITHUB_STEP_SUMMARY")));
        for (String secret : secrets) {
            assertThat(stdout().lines().filter(l -> l.contains(secret)))
                    .as("stdout lines carrying a secret").allMatch(l -> l.equals("::add-mask::" + secret));
            assertThat(stderr().lines().filter(l -> l.contains(secret)))
                    .as("stderr lines carrying a secret").allMatch(l -> l.equals("::add-mask::" + secret));
            assertThat(outputs).doesNotContain(secret);
            assertThat(summary).doesNotContain(secret);
        }
        for (String secret : secrets.subList(2, secrets.size())) {
            // with --json, workflow commands go to stderr so stdout stays one JSON document (the runner reads both)
            assertThat(stdout() + stderr()).as("each STS secret is masked").contains("::add-mask::" + secret);
        }
    }

    @Test
    void withARoleButNoTokenRuntimeAuthExitsOneWithTheIdTokenWriteHint(MotoServer moto) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("GITHUB_ACTIONS", "true");

        int code = run(env, "auth", "--role-arn", ROLE);

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("ACTIONS_ID_TOKEN_REQUEST_URL is not set").contains("permissions: id-token: write");
    }

    @Test
    void withoutARegionAuthExitsOneNamingTheFix() {
        int code = run(Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b"), "auth",
                "--specs", dir.resolve("no-specs-here").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("no AWS region").contains("AWS_REGION");
    }

    @Test
    void withoutEnvAndAwsRegionAuthTakesTheRegionFromTheSpec(MotoServer moto) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.remove("AWS_REGION");

        int code = run(env, "auth", "--specs", "deploy-specs/durable-code.yaml");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("region:  us-west-2");
    }

    @Test
    void aMalformedRoleInputExitsOneNamingTheFormat(MotoServer moto) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("INPUT_ROLE-TO-ASSUME", "arn:aws:iam::123456789012:deploy");

        int code = run(env, "auth");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("the input role-to-assume is 'arn:aws:iam::123456789012:deploy', not an IAM role ARN");
    }

    private Path specFile(String account) throws IOException {
        String yaml;
        try (var in = AuthCommandTest.class.getResourceAsStream("/specs/valid.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.writeString(dir.resolve("durable-code.yaml"),
                yaml.replace("account: \"123456789012\"", "account: \"" + account + "\""));
    }

    @Test
    void withAnEnvironmentAuthUsesTheSpecsRoleRegionAndAccount(MotoServer moto) throws IOException {
        String jwt = Jwts.githubToken("repo:octo-org/durable-code:environment:dev", "dev", "spec-env");
        Map<String, String> env = actionsEnv(moto, jwt);
        env.remove("AWS_REGION");

        int code = run(env, "auth", "--specs", specFile("123456789012").toString(), "--env", "dev");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("arn:     arn:aws:sts::123456789012:assumed-role/durable-code-deploy-dev/")
                .contains("region:  us-west-2");
        assertThat(Files.readString(Path.of(env.get("GITHUB_OUTPUT"))))
                .contains("\narn:aws:iam::123456789012:role/durable-code-deploy-dev\n");
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl())
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdurable-code-deploy-dev")));
        assertNoCredentialLeaks(env, secretsSeen(jwt));
    }

    @Test
    void theAccountGuardStopsASpecForAnotherAccountNamingBoth(MotoServer moto) throws IOException {
        Map<String, String> env = actionsEnv(moto, Jwts.githubToken("repo:octo-org/durable-code:environment:dev", "dev", "other"));

        int code = run(env, "auth", "--specs", specFile("123456789012").toString(), "--env", "dev",
                "--role-arn", "arn:aws:iam::210987654321:role/copied-from-another-repo");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("credentials are for AWS account 210987654321")
                .contains("allows only account 123456789012");
        assertThat(Files.readString(Path.of(env.get("GITHUB_OUTPUT")))).doesNotContain("aws-account-id");
    }

    @Test
    void withTheSpecsRoleButNoTokenRuntimeAuthExitsOneWithTheIdTokenWriteHint(MotoServer moto) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", moto.endpoint(), "GITHUB_ACTIONS", "true"));

        int code = run(env, "auth", "--specs", specFile("123456789012").toString(), "--env", "dev");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("permissions: id-token: write").contains("forks never get an ID token");
    }
}
