package dev.driftless.github;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.engine.StickyComment;
import dev.driftless.engine.TokenIdentity;
import dev.driftless.comment.CommentBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two matrix jobs writing their sections of one comment at once, as GitHub answers them: WireMock
 * scenarios play one interleaving each (GitHub has no compare-and-set for comments), and the comment
 * must hold both sections after both writers are done.
 */
class StickyCommentRaceTest {
    private static final String REPO = "/repos/Codertocat/Hello-World";
    private static final String COMMENTS = REPO + "/issues/2/comments";
    private static final String EDIT = REPO + "/issues/comments/11";
    private static final TokenIdentity BOT = () -> "github-actions[bot]";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> slept = new ArrayList<>();
    private final String old = CommentBody.empty().with("plan-dev", "dev: old plan", "").render();
    private final StickyComment.Section dev = new StickyComment.Section("plan-dev", "dev: new plan", "", "");
    private final StickyComment.Section prod = new StickyComment.Section("plan-prod", "prod: new plan", "", "");
    private final String prodOnly = CommentBody.parse(old).with("plan-prod", "prod: new plan", "").render();
    private final String both = CommentBody.parse(prodOnly).with("plan-dev", "dev: new plan", "").render();
    private final String devOnly = CommentBody.parse(old).with("plan-dev", "dev: new plan", "").render();

    @BeforeEach
    void stubRepository() {
        String api = github.baseUrl() + REPO;
        github.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\":1,\"name\":\"Hello-World\",\"full_name\":"
                + "\"Codertocat/Hello-World\",\"url\":\"" + api + "\",\"owner\":{\"login\":\"Codertocat\",\"id\":1}}")));
        github.stubFor(get(urlEqualTo(REPO + "/issues/2")).willReturn(okJson("{\"number\":2,\"url\":\"" + api
                + "/issues/2\",\"state\":\"open\",\"pull_request\":{\"url\":\"" + api + "/pulls/2\"}}")));
    }

    private StickyComment writer() {
        var repository = GitHubClients.repository(GitHubClients.connect(github.baseUrl(), "ghs_test"),
                new dev.driftless.actions.GitHubContext("Codertocat/Hello-World", null, null, null, null, null, null,
                        "https://github.com", github.baseUrl(), null, null, "ghs_test"));
        return new StickyComment(new GitHubPullRequestComments(repository, 2), BOT, slept::add);
    }

    private static String list(String body) throws Exception {
        return new ObjectMapper().writeValueAsString(List.of(Map.of("id", 11, "body", body,
                "html_url", "https://github.com/Codertocat/Hello-World/pull/2#issuecomment-11",
                "user", Map.of("login", "github-actions[bot]", "type", "Bot"))));
    }

    private static String edited(String body) throws Exception {
        return new ObjectMapper().writeValueAsString(Map.of("id", 11, "body", body,
                "user", Map.of("login", "github-actions[bot]", "type", "Bot")));
    }

    /** A GET of the comments in scenario state {@code from} answers {@code body} and moves to {@code to}. */
    private static void read(String from, String body, String to) throws Exception {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).inScenario("race").whenScenarioStateIs(from)
                .willReturn(okJson(list(body))).willSetStateTo(to));
    }

    private static void write(String from, String body, String to) throws Exception {
        github.stubFor(patch(urlEqualTo(EDIT)).inScenario("race").whenScenarioStateIs(from)
                .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.equalTo(body)))
                .willReturn(okJson(edited(body))).willSetStateTo(to));
    }

    private static List<String> patches() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (var r : github.findAll(patchRequestedFor(urlEqualTo(EDIT)))) {
            bodies.add(new ObjectMapper().readTree(r.getBodyAsString()).path("body").asText());
        }
        return bodies;
    }

    @Test
    void aWriterWhoseCommentChangedSinceItsReadAppliesItsSectionOntoTheOtherJobsEdit() throws Exception {
        // prod's job: reads the old comment, checks it is unchanged, writes its section, sees it landed
        read(STARTED, old, "prod listed");
        read("prod listed", old, "prod checked");
        write("prod checked", prodOnly, "prod wrote");
        read("prod wrote", prodOnly, "prod done");
        // dev's job listed the comment before prod wrote, so its first read is the old body ...
        read("prod done", old, "dev listed");
        // ... and its check before writing finds prod's edit, which it writes its section onto
        read("dev listed", prodOnly, "dev rebased");
        read("dev rebased", prodOnly, "dev checked");
        write("dev checked", both, "dev wrote");
        read("dev wrote", both, "dev done");

        writer().put(prod);
        writer().put(dev);

        assertThat(patches()).containsExactly(prodOnly, both);
        assertThat(both).contains("dev: new plan").contains("prod: new plan").doesNotContain("dev: old plan");
        github.verify(0, postRequestedFor(anyUrl()));
        assertThat(slept).isEmpty();
    }

    @Test
    void aSectionAnotherJobDroppedAfterItWasWrittenIsWrittenAgain() throws Exception {
        // dev's job writes its section ...
        read(STARTED, old, "dev listed");
        read("dev listed", old, "dev checked");
        write("dev checked", devOnly, "dev wrote");
        // ... prod's job, which had read the old body, writes over it: dev's check after writing sees that
        read("dev wrote", prodOnly, "dev lost");
        read("dev lost", prodOnly, "dev checked again");
        write("dev checked again", both, "dev wrote again");
        read("dev wrote again", both, "done");

        writer().put(dev);

        assertThat(patches()).containsExactly(devOnly, both);
        assertThat(patches().get(1)).contains("dev: new plan").contains("prod: new plan");
        assertThat(slept).hasSize(1); // backed off once before writing again
    }

    @Test
    void aCommentThatNeverSettlesGivesUpAfterBoundedAttempts() throws Exception {
        // every check finds yet another job's edit
        github.stubFor(get(urlPathEqualTo(COMMENTS)).inScenario("race").whenScenarioStateIs(STARTED)
                .willReturn(okJson(list(old))).willSetStateTo("x0"));
        for (int i = 0; i < 10; i++) {
            read("x" + i, CommentBody.parse(old).with("plan-qa", "qa " + i, "").render(), "x" + (i + 1));
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer().put(dev))
                .hasMessageContaining("the pull request comment kept changing while section plan-dev was written");
        github.verify(0, patchRequestedFor(anyUrl()));
    }
}
