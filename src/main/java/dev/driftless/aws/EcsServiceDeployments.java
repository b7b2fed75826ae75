package dev.driftless.aws;

import dev.driftless.engine.ServiceDeploymentState;
import dev.driftless.engine.ServiceDeployments;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentRollbackMonitorsStatus;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

/** {@link ServiceDeployments} over ECS: ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment. */
public final class EcsServiceDeployments implements ServiceDeployments {
    private static final List<ServiceDeploymentStatus> UNFINISHED = List.of(ServiceDeploymentStatus.PENDING,
            ServiceDeploymentStatus.IN_PROGRESS);

    private final EcsClient ecs;

    public EcsServiceDeployments(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<String> newest(String cluster, String service, Instant since) {
        try {
            return ecs.listServiceDeployments(r -> r.cluster(cluster).service(service).createdAt(c -> c.after(since)))
                    .serviceDeployments().stream()
                    .max(Comparator.comparing(ServiceDeploymentBrief::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(ServiceDeploymentBrief::serviceDeploymentArn);
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:ListServiceDeployments", "finding the deployment of service " + service
                    + " in " + cluster);
        }
    }

    @Override
    public Optional<String> unfinished(String cluster, String service) {
        try {
            return ecs.listServiceDeployments(r -> r.cluster(cluster).service(service).status(UNFINISHED))
                    .serviceDeployments().stream()
                    .max(Comparator.comparing(ServiceDeploymentBrief::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(ServiceDeploymentBrief::serviceDeploymentArn);
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:ListServiceDeployments", "looking for a deployment in progress of service "
                    + service + " in " + cluster);
        }
    }

    @Override
    public ServiceDeploymentState describe(String arn) {
        try {
            List<ServiceDeployment> found = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
                    .serviceDeployments();
            if (found.isEmpty()) {
                throw new dev.driftless.DriftlessException("ECS does not know service deployment " + arn,
                        "it may have been deleted with its service; check the service's deployments in the ECS console");
            }
            return state(found.get(0));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:DescribeServiceDeployments", "reading service deployment " + arn);
        }
    }

    @Override
    public void rollback(String arn) {
        try {
            ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(arn).stopType(StopServiceDeploymentStopType.ROLLBACK));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:StopServiceDeployment", "rolling back service deployment " + arn);
        }
    }

    static ServiceDeploymentState state(ServiceDeployment d) {
        var alarms = d.alarms();
        var breaker = d.deploymentCircuitBreaker();
        var config = d.deploymentConfiguration();
        Double green = d.targetServiceRevision() == null ? null : d.targetServiceRevision().requestedProductionTrafficWeight();
        return new ServiceDeploymentState(
                d.serviceDeploymentArn(),
                d.statusAsString(),
                d.statusReason(),
                d.lifecycleStageAsString(),
                config == null ? null : config.strategyAsString(),
                green,
                config == null ? null : config.bakeTimeInMinutes(),
                alarms == null ? List.of() : alarms.triggeredAlarmNames(),
                breaker != null && breaker.status() == ServiceDeploymentRollbackMonitorsStatus.TRIGGERED,
                breaker == null || breaker.failureCount() == null ? 0 : breaker.failureCount(),
                d.lifecycleHookDetails().stream().filter(h -> "FAILED".equals(h.statusAsString()))
                        .map(EcsServiceDeployments::hookName).toList(),
                d.rollback() == null ? null : d.rollback().reason());
    }

    private static String hookName(DeploymentLifecycleHookDetail h) {
        String arn = h.targetArn();
        return arn == null ? h.hookId() : arn.substring(arn.lastIndexOf(':') + 1);
    }
}
