package dev.driftless.aws;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one retry policy of every AWS call: bounded attempts, exponential backoff with full jitter, a
 * longer base delay when AWS says we are throttled. SDK clients get it as {@link #strategy()}; clients we
 * build ourselves (Cost Explorer JSON) use {@link #retryable} and {@link #backoff} with their Sleeper.
 *
 * @param maxAttempts first try included
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(20));

    /** Error codes AWS uses for "slow down" across query, JSON and REST protocols. */
    static final Set<String> THROTTLING_CODES = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
            "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");

    /** Error codes of failures that a later attempt can pass. IDPCommunicationError: STS could not reach GitHub's OIDC keys. */
    static final Set<String> TRANSIENT_CODES = Set.of(
            "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
            "IDPCommunicationError", "ServerException");

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The SDK strategy; one instance is shared by all clients of an {@link AwsClients}. */
    public RetryStrategy strategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, maxBackoff))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBaseDelay, maxBackoff))
                .retryOnException(RetryPolicy::transientServiceError)
                // throttling is expected here (many services, one account); back off rather than fail fast
                .circuitBreakerEnabled(false)
                .build();
    }

    /** Whether a failed answer is worth another attempt: throttling, 5xx, or a transient error code. */
    public boolean retryable(int httpStatus, String errorCode) {
        return isThrottling(httpStatus, errorCode) || httpStatus >= 500
                || (errorCode != null && TRANSIENT_CODES.contains(errorCode));
    }

    public boolean isThrottling(int httpStatus, String errorCode) {
        return httpStatus == 429 || (errorCode != null && THROTTLING_CODES.contains(errorCode));
    }

    /**
     * How long to wait before retry number {@code retry} (1 = the first retry): a uniformly random delay up
     * to base * 2^(retry-1), capped at {@link #maxBackoff} ("full jitter").
     */
    public Duration backoff(int retry, boolean throttled) {
        Duration base = throttled ? throttlingBaseDelay : baseDelay;
        long ceiling = Math.min(maxBackoff.toMillis(), base.toMillis() << Math.min(Math.max(retry - 1, 0), 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private static boolean transientServiceError(Throwable t) {
        return t instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null && TRANSIENT_CODES.contains(e.awsErrorDetails().errorCode());
    }
}
