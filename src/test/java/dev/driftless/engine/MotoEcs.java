package dev.driftless.engine;

import dev.driftless.aws.AppAutoScalingTargets;
import dev.driftless.aws.EcsServiceScaling;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.ServiceView;
import dev.driftless.testing.MotoServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;

/** SDK clients on a moto server plus the few calls the stop/start tests arrange state with. */
final class MotoEcs implements AutoCloseable {
    static final String CLUSTER = "durable-code-dev";

    final EcsClient ecs;
    final ApplicationAutoScalingClient aas;

    MotoEcs(MotoServer moto) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        ecs = EcsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_WEST_2)
                .credentialsProvider(creds).endpointOverride(URI.create(moto.endpoint())).build();
        aas = ApplicationAutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_WEST_2)
                .credentialsProvider(creds).endpointOverride(URI.create(moto.endpoint())).build();
        ecs.createCluster(b -> b.clusterName(CLUSTER));
        ecs.registerTaskDefinition(b -> b.family("app").containerDefinitions(c -> c.name("app").image("nginx").memory(512)));
    }

    EnvironmentScaler scaler() {
        return new EnvironmentScaler(reader(), targets(), new EcsServiceScaling(ecs));
    }

    LiveStateReader reader() {
        return new EcsLiveStateReader(ecs, aas);
    }

    ScalableTargets targets() {
        return new AppAutoScalingTargets(aas);
    }

    void service(String name, int desiredCount, Map<String, String> tags) {
        List<Tag> sdkTags = tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
        ecs.createService(b -> b.cluster(CLUSTER).serviceName(name).taskDefinition("app").desiredCount(desiredCount).tags(sdkTags));
    }

    void target(String service, int min, int max) {
        aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId("service/" + CLUSTER + "/" + service).minCapacity(min).maxCapacity(max));
    }

    int desiredCount(String service) {
        return ecs.describeServices(b -> b.cluster(CLUSTER).services(service)).services().get(0).desiredCount();
    }

    Map<String, String> tags(String service) {
        Map<String, String> tags = new HashMap<>();
        ecs.describeServices(b -> b.cluster(CLUSTER).services(service).include(ServiceField.TAGS)).services().get(0)
                .tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    ScalingStep.Bounds scalableTarget(String service) {
        var t = reader().scaling(CLUSTER, List.of(service)).get(service);
        return t == null ? null : new ScalingStep.Bounds(t.min(), t.max());
    }

    static ServiceView spec(String name, int desiredCount, Autoscaling autoscaling) {
        return new ServiceView(name, "dev", null, 256, 512, "X86_64", null, List.of(), Map.of(), Map.of(), null, null,
                desiredCount, autoscaling, new Capacity.OnDemand());
    }

    @Override
    public void close() {
        ecs.close();
        aas.close();
    }
}
