package dev.driftless.auth;

import java.time.Duration;

/** STS AssumeRoleWithWebIdentity, behind a port so the refresh logic is tested without a network. */
@FunctionalInterface
public interface RoleAssumer {
    /** Throws a DriftlessException naming the fix when STS refuses. */
    AssumedRole assume(RoleArn role, String webIdentityToken, String sessionName, Duration duration);
}
