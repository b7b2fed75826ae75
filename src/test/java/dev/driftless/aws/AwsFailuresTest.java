package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.DriftlessException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Each kind of SDK failure becomes one message naming the action and the fix. */
class AwsFailuresTest {

    static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(service("AccessDeniedException", 400, "not authorized to perform ecs:UpdateService"),
                        "AWS denied ecs:UpdateService while updating service backend",
                        "allow ecs:UpdateService in the IAM policy"),
                Arguments.of(service("ExpiredTokenException", 400, "The security token included in the request is expired"),
                        "the AWS credentials expired while updating service backend", "maximum session duration"),
                Arguments.of(service("UnrecognizedClientException", 400, "The security token included in the request is invalid"),
                        "AWS rejected the credentials while updating service backend (UnrecognizedClientException)",
                        "AWS_ENDPOINT_URL is unset"),
                Arguments.of(service("ThrottlingException", 400, "Rate exceeded"),
                        "AWS kept throttling ecs:UpdateService", "run fewer services at once"),
                Arguments.of(service("ServerException", 500, "internal"),
                        "updating service backend failed: ecs:UpdateService answered ServerException: internal",
                        "rerun with --debug"),
                Arguments.of(ApiCallTimeoutException.create(30_000), "ecs:UpdateService timed out while updating service backend",
                        "check the runner's network"),
                Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                                + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])"),
                        "no AWS credentials were found while updating service backend", "id-token: write"),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection refused"),
                        "cannot call ecs:UpdateService while updating service backend: Unable to execute HTTP request",
                        "network access to AWS"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureNamesWhatHappenedAndTheFix(SdkException e, String message, String fix) {
        DriftlessException d = AwsFailures.translate(e, "ecs:UpdateService", "updating service backend");

        assertThat(d.getMessage()).startsWith(message);
        assertThat(d.hint()).contains(fix);
        assertThat(d.getMessage()).doesNotContain("SystemPropertyCredentialsProvider");
    }
}
