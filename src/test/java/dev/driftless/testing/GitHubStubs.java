package dev.driftless.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runner and GitHub answer a driftless process, for end-to-end tests on WireMock: the
 * Actions OIDC token endpoint and the REST API's repository (kohsuke reads it before anything else).
 */
public final class GitHubStubs {
    public static final String TOKEN = "ghs_e2eTestToken0123456789abcdef";
    public static final String ID_TOKEN_REQUEST_TOKEN = "actions-runtime-request-token";

    private GitHubStubs() {
    }

    /** The runner variables that point the process at this WireMock for GitHub and for OIDC tokens. */
    public static Map<String, String> environment(WireMockExtension github, String repository) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_SERVER_URL", github.baseUrl());
        env.put("GITHUB_REPOSITORY", repository);
        env.put("INPUT_GITHUB-TOKEN", TOKEN);
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", github.baseUrl() + "/_apis/token?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", ID_TOKEN_REQUEST_TOKEN);
        return env;
    }

    /** GET /user, GET /repos/{repo} and the OIDC token endpoint. */
    public static void stubBasics(WireMockExtension github, String repository, String subject) {
        String owner = repository.substring(0, repository.indexOf('/'));
        String name = repository.substring(repository.indexOf('/') + 1);
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(json("{\"login\":\"github-actions[bot]\",\"id\":41898282}")));
        github.stubFor(get(urlPathEqualTo("/repos/" + repository)).willReturn(json("{\"id\":186853002,\"name\":\"" + name
                + "\",\"full_name\":\"" + repository + "\",\"owner\":{\"login\":\"" + owner + "\",\"id\":21031067},"
                + "\"default_branch\":\"main\",\"url\":\"" + github.baseUrl() + "/repos/" + repository + "\","
                + "\"html_url\":\"" + github.baseUrl() + "/" + repository + "\"}")));
        github.stubFor(get(urlPathEqualTo("/_apis/token"))
                .willReturn(json("{\"value\":\"" + idToken(repository, subject) + "\"}")));
    }

    /**
     * POST /repos/{repo}/deployments answering deployment {@code id}, and its statuses endpoint accepting only
     * the states GitHub accepts: anything else (github-api's "in-progress", say) gets GitHub's 422.
     */
    public static void stubDeployments(WireMockExtension github, String repository, long id, String sha) {
        String deployment = "/repos/" + repository + "/deployments/" + id;
        github.stubFor(post(urlPathEqualTo("/repos/" + repository + "/deployments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + id + ",\"ref\":\"" + sha
                        + "\",\"sha\":\"" + sha + "\",\"url\":\"" + github.baseUrl() + deployment + "\","
                        + "\"statuses_url\":\"" + github.baseUrl() + deployment + "/statuses\"}")));
        github.stubFor(post(urlPathEqualTo(deployment + "/statuses")).atPriority(10).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Validation Failed\"}")));
        for (String state : List.of("error", "failure", "inactive", "in_progress", "queued", "pending", "success")) {
            github.stubFor(post(urlPathEqualTo(deployment + "/statuses")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.state", equalTo(state)))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":1,\"state\":\"" + state + "\"}")));
        }
    }

    /** An ID token shaped like the runner's (moto's STS does not check signatures). */
    public static String idToken(String repository, String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://token.actions.githubusercontent.com\",\"aud\":\"sts.amazonaws.com\","
                + "\"sub\":\"" + subject + "\",\"repository\":\"" + repository + "\",\"ref\":\"refs/heads/main\","
                + "\"exp\":4102444800,\"iat\":1764028800}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
