package dev.driftless.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The non-secret claims of a GitHub ID token, the ones an IAM trust policy tests. Printed when STS
 * refuses a token, so the user can compare them with the policy's conditions. The token's signature is
 * not checked here (STS does that); we only read it.
 */
public record IdTokenClaims(String sub, String aud, String repository, String ref, String environment,
        String jobWorkflowRef, String iss) {

    public static Optional<IdTokenClaims> decode(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.trim().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_').replace("=", ""));
            JsonNode n = new ObjectMapper().readTree(new String(json, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new IdTokenClaims(text(n, "sub"), audience(n.get("aud")), text(n, "repository"),
                    text(n, "ref"), text(n, "environment"), text(n, "job_workflow_ref"), text(n, "iss")));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** The claims in the order a reader checks them, absent ones left out. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "sub", sub);
        put(m, "aud", aud);
        put(m, "repository", repository);
        put(m, "ref", ref);
        put(m, "environment", environment);
        put(m, "job_workflow_ref", jobWorkflowRef);
        return m;
    }

    /** {@code sub=..., aud=..., ...} on one line. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        asMap().forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    private static String audience(JsonNode aud) {
        if (aud == null || aud.isNull()) {
            return null;
        }
        if (aud.isArray()) {
            StringBuilder b = new StringBuilder();
            aud.forEach(a -> b.append(b.isEmpty() ? "" : ",").append(a.asText()));
            return b.toString();
        }
        return aud.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
