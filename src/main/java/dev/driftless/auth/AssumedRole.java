package dev.driftless.auth;

import java.time.Instant;

/**
 * Temporary credentials from AssumeRoleWithWebIdentity.
 *
 * @param assumedRoleArn {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}
 */
public record AssumedRole(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        String assumedRoleArn) {

    @Override
    public String toString() {
        // never print the secrets, whatever logs this record
        return "AssumedRole[" + assumedRoleArn + ", expires " + expiration + "]";
    }
}
