package dev.driftless.auth;

/** Where GitHub OIDC ID tokens come from (the Actions runtime; a fake in tests). */
@FunctionalInterface
public interface IdTokenSource {
    /** A fresh ID token (a JWT) for this audience. */
    String idToken(String audience);
}
