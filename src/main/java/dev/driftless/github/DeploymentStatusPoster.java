package dev.driftless.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.github.HttpException;

/**
 * {@code POST /repos/{owner}/{repo}/deployments/{id}/statuses} as our own small JSON request: github-api 1.x
 * lowercases enum values and turns '_' into '-', so it can only send {@code in-progress}, which GitHub
 * rejects with 422. Failures surface as github-api's {@link HttpException} so the adapters translate one kind.
 */
final class DeploymentStatusPoster {
    /** GitHub's limit on a status description. */
    static final int DESCRIPTION_LIMIT = 140;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiUrl;
    private final String repository;
    private final String token;

    DeploymentStatusPoster(String apiUrl, String repository, String token) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.repository = repository;
        this.token = token;
    }

    /** @param state one of GitHub's deployment states as the API spells them: in_progress, success, failure… */
    void post(long deployment, String state, String description, String environmentUrl, String logUrl) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("description", shorten(description));
        if (environmentUrl != null) {
            body.put("environment_url", environmentUrl);
        }
        if (logUrl != null) {
            body.put("log_url", logUrl);
        }
        String url = apiUrl + "/repos/" + repository + "/deployments/" + deployment + "/statuses";
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(GitHubClients.CONNECT_TIMEOUT_MS);
        c.setReadTimeout(GitHubClients.READ_TIMEOUT_MS);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Accept", "application/vnd.github+json");
        c.setRequestProperty("X-GitHub-Api-Version", "2022-11-28");
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("User-Agent", "driftless");
        try (OutputStream out = c.getOutputStream()) {
            JSON.writeValue(out, body);
        }
        int status = c.getResponseCode();
        if (status >= 300) {
            throw new HttpException(status + " " + message(c.getErrorStream()), status, c.getResponseMessage(), url);
        }
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes(); // read to the end so the kept-alive connection serves the next status
        }
    }

    static String shorten(String description) {
        if (description == null || description.length() <= DESCRIPTION_LIMIT) {
            return description;
        }
        return description.substring(0, DESCRIPTION_LIMIT - 1) + "…";
    }

    /** GitHub's own explanation ({@code {"message": …}}) when there is one; never the raw body, which could echo input. */
    private static String message(InputStream error) {
        if (error == null) {
            return "(no body)";
        }
        try (InputStream in = error) {
            JsonNode n = JSON.readTree(in);
            return n != null && n.hasNonNull("message") ? n.get("message").asText() : "(no message)";
        } catch (IOException e) {
            return "(unreadable body)";
        }
    }
}
