package dev.driftless.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.DriftlessException;
import dev.driftless.engine.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Asks the Actions runtime for an ID token: {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=<aud>}
 * with {@code Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN}, answered by {@code {"value":"<jwt>"}}.
 * The runner sets both variables only for jobs with {@code permissions: id-token: write}.
 */
public final class ActionsIdTokenClient implements IdTokenSource {
    static final String URL_VARIABLE = "ACTIONS_ID_TOKEN_REQUEST_URL";
    static final String TOKEN_VARIABLE = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
    private static final int ATTEMPTS = 3;
    private static final int TIMEOUT_MILLIS = 10_000;

    private final String requestUrl;
    private final String requestToken;
    private final Sleeper sleeper;
    private final Consumer<String> mask;

    private ActionsIdTokenClient(String requestUrl, String requestToken, Sleeper sleeper, Consumer<String> mask) {
        this.requestUrl = requestUrl;
        this.requestToken = requestToken;
        this.sleeper = sleeper;
        this.mask = mask;
    }

    /**
     * A client for this run's runtime; fails at once, naming the fix, when the job cannot get tokens.
     *
     * @param mask hides secrets (the request token, each ID token) from the log before anything prints them
     */
    public static ActionsIdTokenClient from(Map<String, String> env, Sleeper sleeper, Consumer<String> mask) {
        String url = env.get(URL_VARIABLE);
        String token = env.get(TOKEN_VARIABLE);
        if (url == null || url.isBlank() || token == null || token.isBlank()) {
            throw missingPermission(url == null || url.isBlank() ? URL_VARIABLE : TOKEN_VARIABLE);
        }
        mask.accept(token.trim());
        return new ActionsIdTokenClient(url.trim(), token.trim(), sleeper, mask);
    }

    /** Whether this run can ask for ID tokens at all. */
    public static boolean available(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    static DriftlessException missingPermission(String variable) {
        return new DriftlessException("cannot get a GitHub OIDC token to assume the AWS role: " + variable + " is not set",
                "give the job `permissions: id-token: write` (with `contents: read`) in the workflow; pull requests from"
                        + " forks never get an ID token, so run AWS steps on pull_request from the same repository only,"
                        + " or use the default credentials chain by not setting a role");
    }

    @Override
    public String idToken(String audience) {
        String url = requestUrl + (requestUrl.contains("?") ? "&" : "?") + "audience="
                + URLEncoder.encode(audience, StandardCharsets.UTF_8);
        DriftlessException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return request(url);
            } catch (Retryable e) {
                last = e.failure;
            }
            if (attempt < ATTEMPTS) {
                try {
                    sleeper.sleep(Duration.ofSeconds(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw last;
                }
            }
        }
        throw last;
    }

    private String request(String url) {
        HttpURLConnection c;
        int status;
        String body;
        try {
            c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            c.setRequestProperty("Authorization", "bearer " + requestToken);
            c.setRequestProperty("Accept", "application/json; api-version=2.0");
            c.setRequestProperty("User-Agent", "driftless");
            status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Retryable(new DriftlessException("cannot reach the GitHub OIDC token endpoint (" + host(url) + "): " + e.getMessage(),
                    "this is the runner's token service; rerun the job, and check GitHub's status page if it persists", e));
        }
        if (status >= 500 || status == 429) {
            throw new Retryable(endpointFailed(url, status, body));
        }
        if (status != 200) {
            throw endpointFailed(url, status, body);
        }
        String jwt = value(body);
        if (jwt == null) {
            throw new DriftlessException("the GitHub OIDC token endpoint answered without a token (expected {\"value\":\"<jwt>\"}, got "
                    + shape(body) + ")",
                    "rerun the job; if it persists the runner's token service is broken — check ACTIONS_ID_TOKEN_REQUEST_URL is the"
                            + " runner's own, not overridden in the workflow's env");
        }
        mask.accept(jwt);
        return jwt;
    }

    /** What a garbage answer looks like, without echoing it (it might hold a secret in an unexpected field). */
    private static String shape(String body) {
        if (body == null || body.isBlank()) {
            return "an empty body";
        }
        try {
            JsonNode n = new ObjectMapper().readTree(body);
            if (n != null && n.isObject()) {
                java.util.List<String> names = new java.util.ArrayList<>();
                n.fieldNames().forEachRemaining(names::add);
                return "a JSON object with fields " + names;
            }
        } catch (IOException e) {
            // not JSON
        }
        return "non-JSON text of " + body.length() + " characters";
    }

    private static String value(String body) {
        try {
            JsonNode n = new ObjectMapper().readTree(body);
            JsonNode v = n == null ? null : n.get("value");
            String jwt = v == null || !v.isTextual() ? null : v.asText().trim();
            return jwt != null && jwt.split("\\.").length == 3 ? jwt : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static DriftlessException endpointFailed(String url, int status, String body) {
        String hint = status == 401 || status == 403
                ? "the request token was refused; ACTIONS_ID_TOKEN_REQUEST_TOKEN must be the runner's own for this job (do not"
                        + " pass it between jobs) and the job needs `permissions: id-token: write`"
                : "rerun the job; if it persists, check GitHub's status page (Actions)";
        return new DriftlessException("the GitHub OIDC token endpoint (" + host(url) + ") answered HTTP " + status + ": "
                + snippet(body), hint);
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "an invalid URL";
        }
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? "an empty body" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** A failure a later attempt may not repeat. */
    private static final class Retryable extends RuntimeException {
        private final transient DriftlessException failure;

        Retryable(DriftlessException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
