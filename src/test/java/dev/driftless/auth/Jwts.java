package dev.driftless.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned look-alike GitHub ID tokens for tests (STS in moto checks nothing; our code only reads claims). */
public final class Jwts {
    private Jwts() {
    }

    public static String githubToken(String sub, String environment, String marker) {
        String payload = "{\"iss\":\"https://token.actions.githubusercontent.com\",\"aud\":\"sts.amazonaws.com\","
                + "\"sub\":\"" + sub + "\",\"repository\":\"octo-org/durable-code\",\"ref\":\"refs/heads/main\","
                + (environment == null ? "" : "\"environment\":\"" + environment + "\",")
                + "\"job_workflow_ref\":\"octo-org/durable-code/.github/workflows/deploy.yml@refs/heads/main\","
                + "\"jti\":\"" + marker + "\"}";
        return part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + part(payload) + "." + part("signature-" + marker);
    }

    private static String part(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
