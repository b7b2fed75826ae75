package dev.driftless.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.driftless.DriftlessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionsIdTokenClientTest {
    static final String REQUEST_TOKEN = "runtime-request-token-abc123";

    @RegisterExtension
    static WireMockExtension oidc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> slept = new ArrayList<>();
    private final List<String> masked = new ArrayList<>();

    private ActionsIdTokenClient client() {
        return ActionsIdTokenClient.from(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", oidc.baseUrl() + "/_apis/token?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN), slept::add, masked::add);
    }

    @Test
    void theRequestCarriesTheAudienceAndTheBearerTokenAndTheAnswerIsMasked() {
        String jwt = Jwts.githubToken("repo:octo-org/durable-code:ref:refs/heads/main", null, "1");
        oidc.stubFor(get(urlPathEqualTo("/_apis/token")).willReturn(okJson("{\"count\":1,\"value\":\"" + jwt + "\"}")));

        String token = client().idToken("sts.amazonaws.com");

        assertThat(token).isEqualTo(jwt);
        oidc.verify(1, getRequestedFor(urlPathEqualTo("/_apis/token"))
                .withQueryParam("api-version", equalTo("2.0"))
                .withQueryParam("audience", equalTo("sts.amazonaws.com"))
                .withHeader("Authorization", equalTo("bearer " + REQUEST_TOKEN)));
        assertThat(masked).containsExactly(REQUEST_TOKEN, jwt);
    }

    @Test
    void aCustomAudienceIsSentEncoded() {
        oidc.stubFor(get(urlPathEqualTo("/_apis/token")).willReturn(okJson("{\"value\":\"" + Jwts.githubToken("s", null, "2") + "\"}")));

        client().idToken("https://example.com/aud 1");

        oidc.verify(getRequestedFor(urlPathEqualTo("/_apis/token")).withQueryParam("audience", equalTo("https://example.com/aud 1")));
    }

    @Test
    void serverErrorsAreRetriedWithTheSleeper() {
        String jwt = Jwts.githubToken("s", null, "3");
        oidc.stubFor(get(urlPathEqualTo("/_apis/token")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        oidc.stubFor(get(urlPathEqualTo("/_apis/token")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"value\":\"" + jwt + "\"}")));

        assertThat(client().idToken("sts.amazonaws.com")).isEqualTo(jwt);
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "500 | boom                           | answered HTTP 500: boom                           | rerun the job",
        "401 | {\"message\":\"Bad token\"}    | answered HTTP 401                                 | id-token: write",
        "200 | <html>login</html>             | without a token                                   | ACTIONS_ID_TOKEN_REQUEST_URL",
        "200 | {\"token\":\"x.y.z\"}          | a JSON object with fields [token]                 | rerun the job",
        "200 | {\"value\":\"not-a-jwt\"}      | without a token                                   | rerun the job",
    })
    void aFailingOrGarbageEndpointNamesTheFix(int status, String body, String message, String hint) {
        oidc.stubFor(get(urlPathEqualTo("/_apis/token")).willReturn(aResponse().withStatus(status).withBody(body)));

        assertThatThrownBy(() -> client().idToken("sts.amazonaws.com"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("GitHub OIDC token endpoint")
                .hasMessageContaining(message)
                .extracting(e -> ((DriftlessException) e).hint()).asString().contains(hint);
    }

    @Test
    void garbageIsDescribedWithoutEchoingIt() {
        oidc.stubFor(get(urlPathEqualTo("/_apis/token")).willReturn(okJson("{\"token\":\"secret-looking-value\"}")));

        assertThatThrownBy(() -> client().idToken("sts.amazonaws.com"))
                .isInstanceOf(DriftlessException.class)
                .message().doesNotContain("secret-looking-value");
    }

    @Test
    void anUnreachableEndpointNamesTheRunnerService() {
        ActionsIdTokenClient c = ActionsIdTokenClient.from(Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL", "http://127.0.0.1:1/_apis/token?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN), slept::add, masked::add);

        assertThatThrownBy(() -> c.idToken("sts.amazonaws.com"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("cannot reach the GitHub OIDC token endpoint (127.0.0.1)");
        assertThat(slept).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-, -", "http://x/_apis/token?api-version=2.0, -", "'', token"})
    void withoutTheRuntimeVariablesTheHintIsIdTokenWrite(String url, String token) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        if (url != null) {
            env.put("ACTIONS_ID_TOKEN_REQUEST_URL", url);
        }
        if (token != null) {
            env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", token);
        }

        assertThatThrownBy(() -> ActionsIdTokenClient.from(env, slept::add, masked::add))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("cannot get a GitHub OIDC token")
                .extracting(e -> ((DriftlessException) e).hint()).asString()
                .contains("permissions: id-token: write").contains("forks never get an ID token");
    }
}
