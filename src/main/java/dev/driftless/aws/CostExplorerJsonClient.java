package dev.driftless.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.DriftlessException;
import dev.driftless.engine.CostExplorer;
import dev.driftless.engine.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Cost Explorer over its JSON 1.1 protocol, without the Cost Explorer SDK artifact (2 MB the jar cannot
 * afford for two operations): a POST to {@code /} with {@code X-Amz-Target}, signed with the SDK's own
 * SigV4 signer for service {@code ce} in us-east-1 (Cost Explorer is global and lives there whatever
 * region the application runs in), sent over the shared SDK HTTP client.
 */
public final class CostExplorerJsonClient implements CostExplorer {
    static final String TARGET_PREFIX = "AWSInsightsIndexService.";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final ServiceEndpoint endpoint;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** @param endpoint {@code AwsClients.endpoint(ServiceId.COST_EXPLORER)}: us-east-1 unless overridden */
    public CostExplorerJsonClient(SdkHttpClient http, AwsCredentialsProvider credentials, ServiceEndpoint endpoint,
            RetryPolicy retry, Sleeper sleeper) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    @Override
    public Page costAndUsage(Query query, String pageToken) {
        ObjectNode body = json.createObjectNode();
        body.set("TimePeriod", period(query.start(), query.endExclusive()));
        body.put("Granularity", "MONTHLY");
        body.putArray("Metrics").add("UnblendedCost");
        if (query.tag() != null) {
            body.set("Filter", tagFilter(query.tag()));
        }
        if (query.groupByService()) {
            ObjectNode group = body.putArray("GroupBy").addObject();
            group.put("Type", "DIMENSION");
            group.put("Key", "SERVICE");
        }
        if (pageToken != null) {
            body.put("NextPageToken", pageToken);
        }
        JsonNode answer = call("GetCostAndUsage", body);
        Map<String, Double> byService = new LinkedHashMap<>();
        double total = 0;
        for (JsonNode period : answer.path("ResultsByTime")) {
            JsonNode groups = period.path("Groups");
            if (groups.size() > 0) {
                for (JsonNode g : groups) {
                    double usd = amount(g.path("Metrics").path("UnblendedCost"));
                    byService.merge(g.path("Keys").path(0).asText("(unknown)"), usd, Double::sum);
                    total += usd;
                }
            } else {
                total += amount(period.path("Total").path("UnblendedCost"));
            }
        }
        String next = answer.path("NextPageToken").asText(null);
        return new Page(byService, total, next == null || next.isEmpty() ? null : next);
    }

    @Override
    public double forecast(LocalDate start, LocalDate endExclusive, Tag tag) {
        ObjectNode body = json.createObjectNode();
        body.set("TimePeriod", period(start, endExclusive));
        body.put("Metric", "UNBLENDED_COST");
        body.put("Granularity", "MONTHLY");
        if (tag != null) {
            body.set("Filter", tagFilter(tag));
        }
        JsonNode answer = call("GetCostForecast", body);
        JsonNode total = answer.path("Total");
        if (total.isMissingNode()) {
            throw new DriftlessException("Cost Explorer answered GetCostForecast without a total");
        }
        return amount(total);
    }

    private ObjectNode period(LocalDate start, LocalDate end) {
        ObjectNode p = json.createObjectNode();
        p.put("Start", start.toString());
        p.put("End", end.toString());
        return p;
    }

    private ObjectNode tagFilter(Tag tag) {
        ObjectNode filter = json.createObjectNode();
        ObjectNode tags = filter.putObject("Tags");
        tags.put("Key", tag.key());
        tags.putArray("Values").add(tag.value());
        ArrayNode match = tags.putArray("MatchOptions");
        match.add("EQUALS");
        return filter;
    }

    private static double amount(JsonNode metric) {
        String a = metric.path("Amount").asText("0");
        try {
            return Double.parseDouble(a);
        } catch (NumberFormatException e) {
            throw new DriftlessException("Cost Explorer answered an amount that is not a number: " + a);
        }
    }

    /** Sends one operation, retrying throttling, 5xx and connection failures with the shared policy's backoff. */
    private JsonNode call(String operation, ObjectNode body) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 1; ; attempt++) {
            Answer answer;
            try {
                answer = send(operation, payload);
            } catch (IOException e) {
                if (attempt < retry.maxAttempts()) {
                    backoff(attempt, false);
                    continue;
                }
                throw new DriftlessException("could not reach Cost Explorer at " + endpoint.uri() + ": " + e.getMessage(),
                        "check the network, or AWS_ENDPOINT_URL_COST_EXPLORER / AWS_ENDPOINT_URL if set", e);
            }
            if (answer.status() / 100 == 2) {
                return parse(answer.body());
            }
            JsonNode error = parseQuietly(answer.body());
            String code = CostExplorerErrors.code(error.path("__type").asText(answer.errorType()));
            String message = error.path("message").asText(error.path("Message").asText(null));
            if (retry.retryable(answer.status(), code) && attempt < retry.maxAttempts()) {
                backoff(attempt, retry.isThrottling(answer.status(), code));
                continue;
            }
            throw CostExplorerErrors.translate(operation, answer.status(), code, message);
        }
    }

    private Answer send(String operation, byte[] payload) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.uri().resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        software.amazon.awssdk.auth.credentials.AwsCredentials identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            // the SDK clients translate this at their edge; this hand-signed client must do the same
            throw AwsFailures.translate(e, "ce:" + operation, "reading Cost Explorer");
        }
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, endpoint.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, endpoint.signingRegion()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        String text = "";
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(response.httpResponse().statusCode(),
                response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null), text);
    }

    private void backoff(int attempt, boolean throttled) {
        try {
            sleeper.sleep(retry.backoff(attempt, throttled));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while waiting to retry Cost Explorer");
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            throw new DriftlessException("Cost Explorer answered something that is not JSON: "
                    + text.substring(0, Math.min(200, text.length())));
        }
    }

    private JsonNode parseQuietly(String text) {
        try {
            JsonNode n = json.readTree(text.isEmpty() ? "{}" : text);
            return n == null ? json.createObjectNode() : n;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private record Answer(int status, String errorType, String body) {
    }
}
