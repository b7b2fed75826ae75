package dev.driftless.auth;

import java.time.Instant;

/**
 * Who the credentials act as.
 *
 * @param arn     the caller ARN (for an assumed role: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>})
 * @param roleArn the IAM role ARN when a role was assumed, else null
 * @param expires when the current credentials expire, or null when they do not (or it is unknown)
 */
public record AwsIdentity(String account, String arn, String roleArn, Instant expires) {

    /** The account id in an IAM or STS ARN ({@code arn:partition:service:region:ACCOUNT:resource}). */
    public static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length == 6 ? parts[4] : null;
    }
}
