package dev.driftless.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.DriftlessException;
import dev.driftless.actions.GitHubContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which pull request a pushed commit came from, against WireMock playing {@code GET …/commits/{sha}/pulls}. */
class GitHubCommitPullRequestsTest {
    private static final String REPO = "/repos/Codertocat/Hello-World";
    private static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private static final String PULLS = REPO + "/commits/" + SHA + "/pulls";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private GitHubCommitPullRequests pulls;

    @BeforeEach
    void repositoryAndCommit() {
        github.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\":1296269,\"name\":\"Hello-World\","
                + "\"full_name\":\"Codertocat/Hello-World\",\"url\":\"" + github.baseUrl() + REPO + "\","
                + "\"owner\":{\"login\":\"Codertocat\",\"id\":1}}")));
        github.stubFor(get(urlEqualTo(REPO + "/commits/" + SHA)).willReturn(okJson("{\"sha\":\"" + SHA + "\",\"url\":\""
                + github.baseUrl() + REPO + "/commits/" + SHA + "\"}")));
        GitHubContext context = GitHubContext.from(Map.of("GITHUB_API_URL", github.baseUrl(),
                "GITHUB_REPOSITORY", "Codertocat/Hello-World"), "ghs_commitPullsTestToken");
        pulls = new GitHubCommitPullRequests(
                GitHubClients.repository(GitHubClients.connect(context.apiUrl(), context.token()), context));
    }

    @Test
    void aCommitFromAPullRequestGivesThatPullRequest() {
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[" + pull(2, "2026-11-25T09:00:00Z") + "]")));

        assertThat(pulls.pullRequestOf(SHA)).contains(2);
    }

    @Test
    void aDirectPushHasNoPullRequest() {
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[]")));

        assertThat(pulls.pullRequestOf(SHA)).isEmpty();
    }

    @Test
    void theMergedPullRequestWinsOverOpenOnesThatAlsoContainTheCommit() {
        // a commit stays in open pull requests branched from it; the merged one is where it came from
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[" + pull(5, null) + "," + pull(3, "2026-11-25T09:00:00Z")
                + "," + pull(7, null) + "]")));

        assertThat(pulls.pullRequestOf(SHA)).contains(3);
    }

    /* Listing a commit's pull requests reads; the deployments permission the deploy also needs does not help here. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {403, 404})
    void aRefusalNamesTheReadPermissionsThisListingNeeds(int status) {
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\"}")));

        assertThatThrownBy(() -> pulls.pullRequestOf(SHA)).isInstanceOfSatisfying(DriftlessException.class, e -> {
            assertThat(e.getMessage()).contains("find the pull request of commit " + SHA).contains(String.valueOf(status));
            assertThat(e.hint()).contains("permissions: pull-requests: read").contains("contents: read")
                    .doesNotContain("deployments").doesNotContain("write");
        });
    }

    private String pull(int number, String mergedAt) {
        return "{\"number\":" + number + ",\"state\":\"" + (mergedAt == null ? "open" : "closed") + "\","
                + "\"url\":\"" + github.baseUrl() + REPO + "/pulls/" + number + "\","
                + "\"merged_at\":" + (mergedAt == null ? "null" : "\"" + mergedAt + "\"") + "}";
    }
}
