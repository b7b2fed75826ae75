package dev.driftless.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.DriftlessException;
import dev.driftless.engine.LogTail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * CloudWatch Logs' GetLogEvents over its JSON 1.1 protocol, signed with the SDK's SigV4 signer and sent
 * over the shared HTTP client — the one call {@code run} needs, without the 3.4 MB CloudWatch Logs artifact.
 */
public final class CloudWatchLogsJsonClient implements LogTail {
    static final String TARGET = "Logs_20140328.GetLogEvents";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final ServiceEndpoint endpoint;
    private final ObjectMapper json = new ObjectMapper();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public CloudWatchLogsJsonClient(SdkHttpClient http, AwsCredentialsProvider credentials, ServiceEndpoint endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    @Override
    public List<String> tail(String group, String stream, int lines) {
        ObjectNode body = json.createObjectNode();
        body.put("logGroupName", group);
        body.put("logStreamName", stream);
        body.put("limit", lines);
        body.put("startFromHead", false);
        int status;
        String text;
        try {
            byte[] payload = json.writeValueAsBytes(body);
            SdkHttpRequest request = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.POST)
                    .uri(endpoint.uri().resolve("/"))
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("X-Amz-Target", TARGET)
                    .putHeader("Content-Length", Integer.toString(payload.length))
                    .build();
            SignedRequest signed = signer.sign(r -> r
                    .identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, endpoint.signingName())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, endpoint.signingRegion()));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            status = response.httpResponse().statusCode();
            text = "";
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new DriftlessException("could not reach CloudWatch Logs at " + endpoint.uri() + ": " + e.getMessage(),
                    "check the network, or AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL if set", e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            answer = json.createObjectNode();
        }
        if (status / 100 != 2) {
            String type = answer.path("__type").asText("");
            if (type.endsWith("ResourceNotFoundException")) {
                return List.of();
            }
            throw new DriftlessException("CloudWatch Logs refused logs:GetLogEvents on " + group + " " + stream + " (HTTP "
                    + status + " " + type + ": " + answer.path("message").asText("") + ")",
                    "grant the role logs:GetLogEvents on the log group (runbooks/iam-policy.json)");
        }
        List<String> out = new ArrayList<>();
        answer.path("events").forEach(e -> out.add(e.path("message").asText("")));
        return out;
    }
}
