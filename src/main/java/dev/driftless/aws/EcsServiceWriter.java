package dev.driftless.aws;

import dev.driftless.engine.ServiceWriter;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ServiceSettings;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/** {@link ServiceWriter} over ECS: CreateService, UpdateService, TagResource. */
public final class EcsServiceWriter implements ServiceWriter {
    private final EcsClient ecs;
    private final CheckedRetry retry;

    public EcsServiceWriter(EcsClient ecs) {
        this(ecs, RetryPolicy.DEFAULT, dev.driftless.engine.Sleeper.REAL);
    }

    public EcsServiceWriter(EcsClient ecs, RetryPolicy policy, dev.driftless.engine.Sleeper sleeper) {
        this.ecs = ecs;
        this.retry = new CheckedRetry(policy, sleeper);
    }

    @Override
    public String create(DesiredService service, String taskDefinitionArn, Map<String, String> tags) {
        ServiceSettings s = service.settings();
        CreateServiceRequest.Builder b = CreateServiceRequest.builder()
                .cluster(service.cluster())
                .serviceName(service.name())
                .taskDefinition(taskDefinitionArn)
                .desiredCount(s.desiredCount())
                .capacityProviderStrategy(EcsShapes.capacity(s.capacityProviderStrategy()))
                .deploymentConfiguration(EcsShapes.deploymentConfiguration(s))
                .loadBalancers(EcsShapes.loadBalancers(s))
                .propagateTags(s.propagateTags())
                .enableExecuteCommand(s.enableExecuteCommand())
                .enableECSManagedTags(true)
                .tags(EcsShapes.tags(tags));
        if (s.network() != null) {
            b.networkConfiguration(network(s.network()));
        }
        try {
            return ecs.createService(b.build()).service().serviceArn();
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:CreateService", "service " + service.name() + " in " + service.cluster());
        }
    }

    @Override
    public void update(Update u) {
        if (u.isEmpty()) {
            return;
        }
        UpdateServiceRequest.Builder b = UpdateServiceRequest.builder().cluster(u.cluster()).service(u.service());
        if (u.taskDefinitionArn() != null) {
            b.taskDefinition(u.taskDefinitionArn());
        }
        if (u.desiredCount() != null) {
            b.desiredCount(u.desiredCount());
        }
        ServiceSettings s = u.settings();
        if (s != null) {
            b.capacityProviderStrategy(EcsShapes.capacity(s.capacityProviderStrategy()))
                    .deploymentConfiguration(EcsShapes.deploymentConfiguration(s))
                    .loadBalancers(EcsShapes.loadBalancers(s))
                    .propagateTags(s.propagateTags())
                    .enableExecuteCommand(s.enableExecuteCommand());
            if (s.network() != null) {
                b.networkConfiguration(network(s.network()));
            }
            // changing the capacity strategy of a service needs a new deployment
            b.forceNewDeployment(u.taskDefinitionArn() == null);
        }
        b.overrideConfiguration(CheckedRetry.noSdkRetries());
        UpdateServiceRequest request = b.build();
        retry.run(() -> ecs.updateService(request), () -> alreadyShows(u),
                e -> AwsFailures.translate(e, "ecs:UpdateService", "service " + u.service() + " in " + u.cluster()));
    }

    /**
     * After an UpdateService whose answer was lost: the service already runs the requested revision, so the
     * update took effect and must not be sent again. Without a revision there is nothing to tell by.
     */
    private java.util.Optional<Object> alreadyShows(Update u) {
        if (u.taskDefinitionArn() == null) {
            return java.util.Optional.empty();
        }
        return ecs.describeServices(r -> r.cluster(u.cluster()).services(u.service())).services().stream()
                .filter(s -> u.taskDefinitionArn().equals(s.taskDefinition()))
                .findFirst().map(s -> (Object) s);
    }

    @Override
    public void tag(String serviceArn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        try {
            ecs.tagResource(r -> r.resourceArn(serviceArn).tags(EcsShapes.tags(tags)));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:TagResource", serviceArn);
        }
    }

    @Override
    public void untag(String serviceArn, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            ecs.untagResource(r -> r.resourceArn(serviceArn).tagKeys(keys));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:UntagResource", serviceArn);
        }
    }

    private static NetworkConfiguration network(ServiceSettings.NetworkSettings n) {
        return NetworkConfiguration.builder().awsvpcConfiguration(v -> v.subnets(n.subnets())
                .securityGroups(n.securityGroups())
                .assignPublicIp(n.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)).build();
    }
}
