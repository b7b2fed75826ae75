package dev.driftless.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.DriftlessException;
import dev.driftless.actions.GitHubContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GitHub deployments against WireMock playing the REST API, request bodies checked. The statuses endpoint
 * answers 422 to anything but the states GitHub accepts, as GitHub does to github-api's "in-progress".
 */
class GitHubDeploymentStatusesTest {
    private static final String REPO = "/repos/Codertocat/Hello-World";
    private static final String STATUSES = REPO + "/deployments/77/statuses";
    private static final String TOKEN = "ghs_deploymentStatusesTestToken";
    private static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private static final String RUN_URL = "https://github.com/Codertocat/Hello-World/actions/runs/4242";
    private static final String SITE = "https://dev.durable-code.example.com";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private GitHubDeploymentStatuses statuses;

    @BeforeEach
    void repository() {
        github.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\":1296269,\"name\":\"Hello-World\","
                + "\"full_name\":\"Codertocat/Hello-World\",\"url\":\"" + github.baseUrl() + REPO + "\","
                + "\"owner\":{\"login\":\"Codertocat\",\"id\":1}}")));
        github.stubFor(post(urlEqualTo(REPO + "/deployments")).willReturn(created("{\"id\":77,\"ref\":\"" + SHA
                + "\",\"sha\":\"" + SHA + "\",\"environment\":\"dev\",\"url\":\"" + github.baseUrl() + REPO
                + "/deployments/77\",\"statuses_url\":\"" + github.baseUrl() + STATUSES + "\"}")));
        github.stubFor(post(urlEqualTo(STATUSES)).atPriority(10).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"state\",\"code\":\"invalid\"}]}")));
        for (String state : List.of("in_progress", "success", "failure")) {
            github.stubFor(post(urlEqualTo(STATUSES)).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.state", equalTo(state)))
                    .willReturn(created("{\"id\":1,\"state\":\"" + state + "\"}")));
        }
        GitHubContext context = GitHubContext.from(Map.of("GITHUB_API_URL", github.baseUrl(),
                "GITHUB_REPOSITORY", "Codertocat/Hello-World"), TOKEN);
        statuses = new GitHubDeploymentStatuses(
                GitHubClients.repository(GitHubClients.connect(context.apiUrl(), TOKEN), context), context);
    }

    @Test
    void startCreatesTheDeploymentThenMarksItInProgress() throws Exception {
        long id = statuses.start("dev", SHA, "driftless deploy of durable-code to dev", SITE, RUN_URL);

        assertThat(id).isEqualTo(77);
        github.verify(1, postRequestedFor(urlEqualTo(REPO + "/deployments"))
                .withRequestBody(matchingJsonPath("$.ref", equalTo(SHA)))
                .withRequestBody(matchingJsonPath("$.environment", equalTo("dev")))
                .withRequestBody(matchingJsonPath("$.auto_merge", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.required_contexts", equalToJson("[]"))));
        List<JsonNode> posted = posted();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).get("state").asText()).isEqualTo("in_progress");
        assertThat(posted.get(0).get("description").asText()).isEqualTo("driftless deploy of durable-code to dev");
        assertThat(posted.get(0).get("environment_url").asText()).isEqualTo(SITE);
        assertThat(posted.get(0).get("log_url").asText()).isEqualTo(RUN_URL);
        LoggedRequest request = github.findAll(postRequestedFor(urlEqualTo(STATUSES))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
    }

    @Test
    void aSuccessfulFinishPostsSuccessWithTheEnvironmentAndTheRun() throws Exception {
        statuses.finish(77, true, "deploy succeeded: 2 services", SITE, RUN_URL);

        List<JsonNode> posted = posted();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).get("state").asText()).isEqualTo("success");
        assertThat(posted.get(0).get("description").asText()).isEqualTo("deploy succeeded: 2 services");
        assertThat(posted.get(0).get("environment_url").asText()).isEqualTo(SITE);
        assertThat(posted.get(0).get("log_url").asText()).isEqualTo(RUN_URL);
    }

    @Test
    void aFailedFinishPostsFailureAndLeavesOutAnEnvironmentUrlTheSpecDoesNotSet() throws Exception {
        statuses.finish(77, false, "deploy failed: 2 services", null, RUN_URL);

        List<JsonNode> posted = posted();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).get("state").asText()).isEqualTo("failure");
        assertThat(posted.get(0).has("environment_url")).isFalse();
        assertThat(posted.get(0).get("log_url").asText()).isEqualTo(RUN_URL);
    }

    @Test
    void aDescriptionOverGitHubsLimitIsCutTo140Characters() throws Exception {
        statuses.finish(77, true, "x".repeat(200), SITE, RUN_URL);

        String description = posted().get(0).get("description").asText();
        assertThat(description).hasSize(140).endsWith("…").startsWith("x".repeat(139));
    }

    @Test
    void aForbiddenStatusNamesTheMissingPermission() {
        github.stubFor(post(urlEqualTo(STATUSES)).atPriority(0).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\"}")));

        assertThatThrownBy(() -> statuses.start("dev", SHA, "driftless deploy of durable-code to dev", SITE, RUN_URL))
                .isInstanceOfSatisfying(DriftlessException.class, e -> {
                    assertThat(e.getMessage()).contains("GitHub refused to set GitHub deployment 77 to in_progress (403)")
                            .doesNotContain(TOKEN);
                    assertThat(e.hint()).contains("permissions: deployments: write");
                });
    }

    @Test
    void aForbiddenDeploymentNamesTheMissingPermissionAndPostsNoStatus() {
        github.stubFor(post(urlEqualTo(REPO + "/deployments")).atPriority(0).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\"}")));

        assertThatThrownBy(() -> statuses.start("dev", SHA, "driftless deploy of durable-code to dev", SITE, RUN_URL))
                .isInstanceOfSatisfying(DriftlessException.class, e -> {
                    assertThat(e.getMessage()).contains("create a GitHub deployment of " + SHA + " to dev");
                    assertThat(e.hint()).contains("permissions: deployments: write");
                });
        github.verify(0, postRequestedFor(urlEqualTo(STATUSES)));
    }

    @Test
    void anotherRefusalCarriesGitHubsOwnMessage() {
        github.stubFor(post(urlEqualTo(STATUSES)).atPriority(0).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"environment_url is not a valid URL\"}")));

        assertThatThrownBy(() -> statuses.finish(77, true, "deploy succeeded: 2 services", "not a url", RUN_URL))
                .isInstanceOfSatisfying(DriftlessException.class, e -> {
                    assertThat(e.getMessage()).contains("422").contains("environment_url is not a valid URL");
                    assertThat(e.hint()).contains("GITHUB_API_URL");
                });
    }

    private static List<JsonNode> posted() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoggedRequest r : github.findAll(postRequestedFor(urlEqualTo(STATUSES)))) {
            bodies.add(json.readTree(r.getBodyAsString()));
        }
        return bodies;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
    }
}
