package dev.driftless.aws;

import dev.driftless.DriftlessException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into messages that name the fix, at the adapter edge. Adapters call
 * {@code throw AwsFailures.translate(e, "ecs:UpdateService", "updating service backend")}; they may
 * handle service-specific codes (ServiceNotFoundException, ...) first.
 */
public final class AwsFailures {
    static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
            "AuthorizationError");
    static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired");
    static final Set<String> BAD_CREDENTIALS = Set.of(
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature",
            "InvalidSignatureException", "MissingAuthenticationToken");

    /** How the SDK's default chain starts its message when no provider had credentials. */
    static final String NO_CREDENTIALS = "Unable to load credentials from any of the providers";

    private AwsFailures() {
    }

    /**
     * @param action the IAM action of the call, e.g. {@code ecs:DescribeServices}
     * @param doing  what we were doing, e.g. {@code reading services of cluster durable-code-dev}
     */
    public static DriftlessException translate(SdkException e, String action, String doing) {
        DriftlessException ours = causeOfOurs(e);
        if (ours != null) {
            return ours;
        }
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            int status = s.statusCode();
            if ((code != null && ACCESS_DENIED.contains(code)) || (code == null && status == 403)) {
                return new DriftlessException("AWS denied " + action + " while " + doing + ": " + orStatus(message, status),
                        "allow " + action + " in the IAM policy of the role driftless runs as (see `driftless auth` for its ARN)", e);
            }
            if (code != null && EXPIRED.contains(code)) {
                return new DriftlessException("the AWS credentials expired while " + doing + ": " + message,
                        "rerun the job; with a role, driftless refreshes credentials itself — if this persists, raise the role's"
                                + " maximum session duration or lower role-duration-seconds", e);
            }
            if (code != null && BAD_CREDENTIALS.contains(code)) {
                return new DriftlessException("AWS rejected the credentials while " + doing + " (" + code + "): " + message,
                        "check the credentials driftless uses (role-to-assume, AWS_PROFILE or AWS_ACCESS_KEY_ID), and that"
                                + " AWS_ENDPOINT_URL is unset unless you mean it", e);
            }
            if ((code != null && RetryPolicy.THROTTLING_CODES.contains(code)) || status == 429) {
                return new DriftlessException("AWS kept throttling " + action + " while " + doing + ", even after retries",
                        "rerun later, or run fewer services at once; another process may be calling the same API", e);
            }
            return new DriftlessException(doing + " failed: " + action + " answered " + (code == null ? "HTTP " + status : code)
                    + (message == null ? "" : ": " + message), "see the AWS message; rerun with --debug for details", e);
        }
        if (e.getMessage() != null && (e.getMessage().startsWith(NO_CREDENTIALS)
                || e.getMessage().startsWith("Profile file contained no credentials"))) {
            // the SDK's own text lists every provider it tried, several lines long; what to do matters more
            return new DriftlessException("no AWS credentials were found while " + doing,
                    "in GitHub Actions give the job `permissions: id-token: write` and a role (input role-to-assume or the"
                            + " environment's `role` in the spec); locally set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY; `driftless auth` shows what is used", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new DriftlessException(action + " timed out while " + doing,
                    "AWS did not answer in time; rerun, and check the runner's network or AWS_ENDPOINT_URL", e);
        }
        return new DriftlessException("cannot call " + action + " while " + doing + ": " + e.getMessage(),
                "check the runner's network access to AWS (and AWS_ENDPOINT_URL, if set)", e);
    }

    /** A DriftlessException thrown by our own code inside the SDK (e.g. a credentials provider), if any. */
    public static DriftlessException causeOfOurs(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DriftlessException d) {
                return d;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String orStatus(String message, int status) {
        return message == null || message.isBlank() ? "HTTP " + status : message;
    }
}
