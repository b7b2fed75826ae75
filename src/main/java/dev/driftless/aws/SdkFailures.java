package dev.driftless.aws;

import dev.driftless.DriftlessException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK failure of one call into a message naming the IAM action (a denial) or the cause. */
final class SdkFailures {
    private SdkFailures() {
    }

    static DriftlessException translate(SdkException e, String iamAction, String target) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            // ECS reports some denials as a bare 403 with no error code
            if (s.statusCode() == 403 || "AccessDeniedException".equals(code) || "AccessDenied".equals(code)) {
                return new DriftlessException("AWS denied " + iamAction + " on " + target
                        + (message == null || message.isBlank() ? "" : ": " + message),
                        "allow " + iamAction + " in the policy of the role driftless runs as", e);
            }
            return new DriftlessException(iamAction + " on " + target + " failed: "
                    + (code == null ? "HTTP " + s.statusCode() : code) + (message == null ? "" : ": " + message), null, e);
        }
        if (e instanceof SdkClientException) {
            return new DriftlessException("cannot reach AWS for " + iamAction + " on " + target + ": " + e.getMessage(),
                    "check the network, the region and AWS_ENDPOINT_URL", e);
        }
        return new DriftlessException(iamAction + " on " + target + " failed: " + e.getMessage(), null, e);
    }
}
