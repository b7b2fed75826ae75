package dev.driftless.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.DriftlessException;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.TestSpecs;
import dev.driftless.cli.CommandContext;
import dev.driftless.cli.CommonOptions;
import dev.driftless.engine.FakeClock;
import dev.driftless.spec.DeploySpec;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GitHub OIDC → STS → ECS path against WireMock (the runtime's token endpoint, faults) in front of moto. */
@ExtendWith(MotoExtension.class)
class OidcRoleTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/durable-code-deploy-dev";
    static final String REQUEST_TOKEN = "runtime-request-token-xyz";
    static final String SUB = "repo:octo-org/durable-code:environment:dev";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeClock clock = new FakeClock(Instant.now());

    private CommandContext context(MotoServer moto, Map<String, String> extra) {
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        Map<String, String> env = new HashMap<>(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_REPOSITORY", "octo-org/durable-code",
                "GITHUB_RUN_ID", "4242",
                "ACTIONS_ID_TOKEN_REQUEST_URL", wm.baseUrl() + "/_apis/token?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN,
                "AWS_ENDPOINT_URL", wm.baseUrl()));
        env.putAll(extra);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandContext(env, o, e, clock, clock.sleeper(), new ActionsRuntime(env, o, e));
    }

    private static void tokens(String... jwts) {
        String state = Scenario.STARTED;
        for (int i = 0; i < jwts.length; i++) {
            String next = i + 1 < jwts.length ? "token-" + (i + 1) : state;
            wm.stubFor(get(urlPathEqualTo("/_apis/token")).atPriority(1).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"value\":\"" + jwts[i] + "\"}")).willSetStateTo(next));
            state = next;
        }
    }

    private static void stsAnswers(int status, String code, String message) {
        wm.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=AssumeRoleWithWebIdentity"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
                                + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>")));
    }

    private static String signingKey(LoggedRequest r) {
        Matcher m = Pattern.compile("Credential=([A-Z0-9]+)/").matcher(r.getHeader("Authorization"));
        assertThat(m.find()).as("a SigV4 Authorization header").isTrue();
        return m.group(1);
    }

    private static List<LoggedRequest> ecsCalls() {
        return wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", containing("AmazonEC2ContainerService")));
    }

    private static List<LoggedRequest> assumeCalls() {
        return wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRoleWithWebIdentity")));
    }

    @Test
    void ecsCallsAreSignedWithTheRoleAssumedThroughTheOidcToken(MotoServer moto) {
        String jwt = Jwts.githubToken(SUB, "dev", "one");
        tokens(jwt);
        DeploySpec spec = TestSpecs.spec("123456789012", "us-west-2", ROLE);

        try (AwsClients aws = AwsClients.forEnvironment(spec, "dev", context(moto, Map.of()), new CommonOptions())) {
            aws.ecs().listClusters();
            String assumedKey = aws.credentials().resolveCredentials().accessKeyId();

            assertThat(aws.identity().arn()).startsWith("arn:aws:sts::123456789012:assumed-role/durable-code-deploy-dev/");
            assertThat(ecsCalls()).singleElement().satisfies(r -> assertThat(signingKey(r)).isEqualTo(assumedKey));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/_apis/token"))
                .withQueryParam("audience", equalTo("sts.amazonaws.com"))
                .withHeader("Authorization", equalTo("bearer " + REQUEST_TOKEN)));
        assertThat(assumeCalls()).singleElement().satisfies(r -> {
            String body = r.getBodyAsString();
            assertThat(body).contains("RoleArn=" + ROLE.replace(":", "%3A").replace("/", "%2F"))
                    .contains("WebIdentityToken=" + jwt)
                    .contains("RoleSessionName=driftless-octo-org-durable-code-4242")
                    .contains("DurationSeconds=3600");
            assertThat(r.getHeader("Authorization")).as("web identity calls are not signed").isNull();
        });
    }

    @Test
    void theAudienceAndDurationInputsAreUsed(MotoServer moto) {
        tokens(Jwts.githubToken(SUB, "dev", "aud"));

        try (AwsClients aws = AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", null), "dev",
                context(moto, Map.of("INPUT_AUDIENCE", "my-audience", "INPUT_ROLE-DURATION-SECONDS", "900",
                        "INPUT_ROLE-TO-ASSUME", ROLE)), new CommonOptions())) {
            assertThat(aws.identity().roleArn()).isEqualTo(ROLE);
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/_apis/token")).withQueryParam("audience", equalTo("my-audience")));
        assertThat(assumeCalls()).singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("DurationSeconds=900"));
    }

    @Test
    void aCallAfterExpiryUsesNewCredentialsFromANewTokenAndANewAssumption(MotoServer moto) {
        String first = Jwts.githubToken(SUB, "dev", "first");
        String second = Jwts.githubToken(SUB, "dev", "second");
        tokens(first, second);

        try (AwsClients aws = AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", ROLE), "dev",
                context(moto, Map.of("INPUT_ROLE-DURATION-SECONDS", "900")), new CommonOptions())) {
            aws.ecs().listClusters();
            clock.advance(Duration.ofMinutes(10));
            aws.ecs().listClusters();
            clock.advance(Duration.ofMinutes(6));   // past the 15-minute session
            aws.ecs().listClusters();
        }

        List<LoggedRequest> assumptions = assumeCalls();
        assertThat(assumptions).hasSize(2);
        assertThat(assumptions.get(0).getBodyAsString()).contains("WebIdentityToken=" + first);
        assertThat(assumptions.get(1).getBodyAsString()).contains("WebIdentityToken=" + second);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/_apis/token")));
        List<String> keys = ecsCalls().stream().map(OidcRoleTest::signingKey).toList();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
    }

    @Test
    void theAccountGuardStopsAMismatchedAccountBeforeAnyMutatingCall(MotoServer moto) {
        tokens(Jwts.githubToken(SUB, "dev", "guard"));
        DeploySpec spec = TestSpecs.spec("999999999999", "us-west-2", ROLE);

        try (AwsClients aws = AwsClients.forEnvironment(spec, "dev", context(moto, Map.of()), new CommonOptions())) {
            assertThatThrownBy(() -> {
                aws.requireAccount();
                aws.ecs().createCluster(b -> b.clusterName("must-not-exist"));
            }).isInstanceOf(DriftlessException.class)
                    .hasMessageContaining("credentials are for AWS account 123456789012")
                    .hasMessageContaining("allows only account 999999999999");
        }
        assertThat(ecsCalls()).isEmpty();
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("GetCallerIdentity"))))
                .as("the assumed role's ARN names the account; no extra call").isEmpty();
    }

    @Test
    void stsAccessDeniedShowsTheTokenClaimsBesideTheTrustPolicyConditions(MotoServer moto) {
        tokens(Jwts.githubToken(SUB, "dev", "denied"));
        stsAnswers(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        CommandContext ctx = context(moto, Map.of());
        DeploySpec spec = TestSpecs.spec("123456789012", "us-west-2", ROLE);

        assertThatThrownBy(() -> AwsClients.forEnvironment(spec, "dev", ctx, new CommonOptions()))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("AWS refused to let this workflow assume " + ROLE)
                .hasMessageContaining("Not authorized to perform sts:AssumeRoleWithWebIdentity")
                .hasMessageContaining("sub=" + SUB)
                .extracting(e -> ((DriftlessException) e).hint()).asString()
                .contains("token.actions.githubusercontent.com:sub must match \"" + SUB + "\"")
                .contains("token.actions.githubusercontent.com:aud must equal \"sts.amazonaws.com\"")
                .contains("oidc-provider/token.actions.githubusercontent.com")
                .contains("repository=octo-org/durable-code", "ref=refs/heads/main", "environment=dev",
                        "job_workflow_ref=octo-org/durable-code/.github/workflows/deploy.yml@refs/heads/main");
    }

    @Test
    void anExpiredTokenNamesTheFix(MotoServer moto) {
        tokens(Jwts.githubToken(SUB, "dev", "expired"));
        stsAnswers(400, "ExpiredTokenException", "Token expired: current date/time 1700000000 must be before the expiration date/time 1690000000");
        CommandContext ctx = context(moto, Map.of());

        assertThatThrownBy(() -> AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", ROLE), "dev", ctx, new CommonOptions()))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("ID token expired")
                .extracting(e -> ((DriftlessException) e).hint()).asString().contains("runner's clock");
    }

    @Test
    void anInvalidIdentityTokenNamesTheIdentityProvider(MotoServer moto) {
        tokens(Jwts.githubToken(SUB, "dev", "invalid"));
        stsAnswers(400, "InvalidIdentityToken", "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com");
        CommandContext ctx = context(moto, Map.of());

        assertThatThrownBy(() -> AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", ROLE), "dev", ctx, new CommonOptions()))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("STS rejected the GitHub ID token")
                .extracting(e -> ((DriftlessException) e).hint()).asString()
                .contains("identity provider for https://token.actions.githubusercontent.com", "audience sts.amazonaws.com");
    }

    @Test
    void withoutTheTokenRuntimeInActionsTheHintIsIdTokenWrite(MotoServer moto) {
        Map<String, String> noRuntime = new HashMap<>();
        noRuntime.put("ACTIONS_ID_TOKEN_REQUEST_URL", "");
        CommandContext ctx = context(moto, noRuntime);

        assertThatThrownBy(() -> AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", ROLE), "dev", ctx, new CommonOptions()))
                .isInstanceOf(DriftlessException.class)
                .extracting(e -> ((DriftlessException) e).hint()).asString().contains("permissions: id-token: write");
        assertThat(wm.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aMalformedRoleIsReportedBeforeAnyCall(MotoServer moto) {
        CommandContext ctx = context(moto, Map.of());

        assertThatThrownBy(() -> AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", "durable-code-deploy"), "dev", ctx, new CommonOptions()))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("the role of environment dev is 'durable-code-deploy', not an IAM role ARN");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void outsideActionsTheSpecRoleGivesWayToLocalCredentials(MotoServer moto) {
        Map<String, String> local = new HashMap<>(moto.awsEnvironment());
        local.put("GITHUB_ACTIONS", "");
        local.put("ACTIONS_ID_TOKEN_REQUEST_URL", "");

        try (AwsClients aws = AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", ROLE), "dev",
                context(moto, local), new CommonOptions())) {
            assertThat(aws.requireAccount().account()).isEqualTo("123456789012");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not assuming " + ROLE).contains("access keys from AWS_ACCESS_KEY_ID");
        assertThat(assumeCalls()).isEmpty();
    }

    @Test
    void inActionsWithoutTheTokenRuntimeKeysFromAnEarlierStepAreUsedForTheSpecRole(MotoServer moto) {
        Map<String, String> keys = new HashMap<>(moto.awsEnvironment());
        keys.put("ACTIONS_ID_TOKEN_REQUEST_URL", "");

        try (AwsClients aws = AwsClients.forEnvironment(TestSpecs.spec("123456789012", "us-west-2", ROLE), "dev",
                context(moto, keys), new CommonOptions())) {
            assertThat(aws.requireAccount().account()).isEqualTo("123456789012");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not assuming " + ROLE);
        assertThat(assumeCalls()).isEmpty();
    }
}
