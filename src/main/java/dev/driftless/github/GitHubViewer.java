package dev.driftless.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.engine.TokenIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The token's identity from GraphQL's {@code viewer}: the one call that answers for every kind of token.
 * REST {@code GET /user} refuses installation tokens (the workflow's GITHUB_TOKEN and App tokens: "Resource
 * not accessible by integration"), and {@code GET /app} needs the App's JWT. When GraphQL cannot answer
 * (an old GHES, a network error), the workflow token's identity {@code github-actions[bot]} is assumed and
 * a warning says so: driftless then edits only comments that identity wrote.
 */
public final class GitHubViewer implements TokenIdentity {
    private final String graphqlUrl;
    private final String token;
    private final Consumer<String> warn;

    /** @param apiUrl the REST endpoint (GITHUB_API_URL); GraphQL is beside it */
    public GitHubViewer(String apiUrl, String token, Consumer<String> warn) {
        this.graphqlUrl = graphqlUrl(apiUrl);
        this.token = token;
        this.warn = warn;
    }

    /** {@code https://api.github.com} → {@code /graphql}; GHES {@code https://h/api/v3} → {@code https://h/api/graphql}. */
    static String graphqlUrl(String apiUrl) {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        return base.endsWith("/api/v3") ? base.substring(0, base.length() - 3) + "graphql" : base + "/graphql";
    }

    @Override
    public String login() {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create(graphqlUrl).toURL().openConnection();
            http.setConnectTimeout(GitHubClients.CONNECT_TIMEOUT_MS);
            http.setReadTimeout(GitHubClients.READ_TIMEOUT_MS);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Authorization", "bearer " + token);
            http.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = http.getOutputStream()) {
                out.write("{\"query\":\"query { viewer { login } }\"}".getBytes(StandardCharsets.UTF_8));
            }
            int status = http.getResponseCode();
            if (status != 200) {
                return fallback("GitHub GraphQL answered " + status);
            }
            JsonNode answer;
            try (InputStream in = http.getInputStream()) {
                answer = new ObjectMapper().readTree(in);
            }
            String login = answer.path("data").path("viewer").path("login").asText("");
            return login.isBlank() ? fallback("GitHub GraphQL named no viewer") : login;
        } catch (IOException | IllegalArgumentException e) {
            return fallback("cannot ask GitHub GraphQL who the token is (" + e.getMessage() + ")");
        }
    }

    private String fallback(String why) {
        warn.accept(why + "; driftless assumes the token writes as " + ACTIONS_BOT
                + " and edits only comments and issues that identity wrote");
        return ACTIONS_BOT;
    }
}
