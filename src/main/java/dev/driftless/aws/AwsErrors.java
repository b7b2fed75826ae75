package dev.driftless.aws;

import dev.driftless.DriftlessException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into {@link DriftlessException}s that name the fix. Adapters call it at the
 * edge, with the IAM action of the operation that failed, so a denial says which permission to grant.
 */
public final class AwsErrors {
    private static final Set<String> DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken");
    private static final Set<String> THROTTLED = Set.of(
            "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded");

    private AwsErrors() {
    }

    /**
     * @param iamAction the action, e.g. {@code ecs:DescribeServices}
     * @param target what it was called on, e.g. {@code cluster durable-code-dev}
     */
    public static DriftlessException translate(SdkException e, String iamAction, String target) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            if (code != null && (code.startsWith("Expired") || code.equals("InvalidClientTokenId")
                    || code.equals("UnrecognizedClientException"))) {
                return new DriftlessException("AWS rejected the credentials for " + iamAction + " on " + target
                        + " (" + code + ")", "the credentials expired or are not valid; re-run the auth step", e);
            }
            // ECS reports some denials as a bare 403 without an error code
            if (s.statusCode() == 403 || (code != null && DENIED.contains(code))) {
                return new DriftlessException("AWS denied " + iamAction + " on " + target
                        + (message == null || message.isBlank() ? "" : ": " + message),
                        "allow " + iamAction + " in the policy of the role driftless runs as", e);
            }
            if (code != null && THROTTLED.contains(code)) {
                return new DriftlessException("AWS kept throttling " + iamAction + " on " + target + " after retries",
                        "run fewer jobs against this account at once, or retry the run", e);
            }
            return new DriftlessException(iamAction + " on " + target + " failed: "
                    + (code == null ? "HTTP " + s.statusCode() : code) + (message == null ? "" : ": " + message),
                    null, e);
        }
        if (e instanceof SdkClientException) {
            return new DriftlessException("cannot reach AWS for " + iamAction + " on " + target + ": " + e.getMessage(),
                    "check the network, the region and AWS_ENDPOINT_URL", e);
        }
        return new DriftlessException(iamAction + " on " + target + " failed: " + e.getMessage(), null, e);
    }
}
