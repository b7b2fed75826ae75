package dev.driftless.aws;

import dev.driftless.testing.MotoServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** SDK clients pointed at a test endpoint (moto, or WireMock in front of it), recording each operation called. */
public final class MotoClients implements AutoCloseable {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    public final EcsClient ecs;
    public final ApplicationAutoScalingClient scaling;

    public MotoClients(String endpoint) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        ecs = EcsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_WEST_2)
                .credentialsProvider(creds).endpointOverride(URI.create(endpoint))
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
        scaling = ApplicationAutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_WEST_2)
                .credentialsProvider(creds).endpointOverride(URI.create(endpoint))
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
    }

    public MotoClients(MotoServer moto) {
        this(moto.endpoint());
    }

    /** Operation names called so far, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void forgetCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        ecs.close();
        scaling.close();
    }
}
