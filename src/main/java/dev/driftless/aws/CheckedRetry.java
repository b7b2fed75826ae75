package dev.driftless.aws;

import dev.driftless.DriftlessException;
import dev.driftless.engine.Sleeper;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Retries a write whose answer may have been lost only after checking that the earlier attempt did not
 * already take effect. The SDK's own retry would send the write again blindly: a RegisterTaskDefinition
 * whose answer was truncated became a new revision per attempt, and a retried UpdateService could put a
 * revision back over another run's. So writes go out with the SDK's retries off ({@link #noSdkRetries})
 * and come here instead.
 */
final class CheckedRetry {
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    CheckedRetry(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /** For a write request's {@code overrideConfiguration}: this one attempt only, no SDK retries. */
    static Consumer<AwsRequestOverrideConfiguration.Builder> noSdkRetries() {
        return o -> o.addPlugin(config -> config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).build()));
    }

    /**
     * @param write       one attempt of the write
     * @param alreadyDone after a failed attempt: the write's result if AWS shows it took effect after all
     * @param translate   turns the last failure into the user's message
     */
    <T> T run(Supplier<T> write, Supplier<Optional<T>> alreadyDone,
            java.util.function.Function<SdkException, DriftlessException> translate) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (SdkException e) {
                if (!retryable(e)) {
                    throw translate.apply(e);
                }
                Optional<T> done = checked(alreadyDone);
                if (done.isPresent()) {
                    return done.get();
                }
                if (attempt >= policy.maxAttempts()) {
                    throw translate.apply(e);
                }
                pause(attempt, e);
            }
        }
    }

    private static <T> Optional<T> checked(Supplier<Optional<T>> alreadyDone) {
        try {
            return alreadyDone.get();
        } catch (RuntimeException e) {
            // the check failed too: nothing is known, so the write is not assumed done
            return Optional.empty();
        }
    }

    /** Throttling, 5xx, and answers that never arrived whole (a dropped connection, truncated JSON). */
    boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            return policy.retryable(s.statusCode(), code);
        }
        return e instanceof SdkClientException && AwsFailures.causeOfOurs(e) == null;
    }

    private void pause(int attempt, SdkException e) {
        boolean throttled = e instanceof AwsServiceException s && policy.isThrottling(s.statusCode(),
                s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode());
        try {
            sleeper.sleep(policy.backoff(attempt, throttled));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while retrying an AWS write", null, ie);
        }
    }
}
