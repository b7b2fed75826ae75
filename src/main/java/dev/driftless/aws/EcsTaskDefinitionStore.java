package dev.driftless.aws;

import dev.driftless.engine.TaskDefinitionStore;
import dev.driftless.plan.TaskDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** {@link TaskDefinitionStore} over ECS. */
public final class EcsTaskDefinitionStore implements TaskDefinitionStore {
    private final EcsClient ecs;

    public EcsTaskDefinitionStore(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public String register(TaskDefinition definition, Map<String, String> tags) {
        try {
            return ecs.registerTaskDefinition(EcsShapes.toRegisterRequest(definition, tags))
                    .taskDefinition().taskDefinitionArn();
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:RegisterTaskDefinition", "family " + definition.family()
                    + " (registering also needs iam:PassRole on the execution and task roles)");
        }
    }

    @Override
    public List<Revision> revisions(String family) {
        try {
            return ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE))
                    .taskDefinitionArns().stream()
                    .map(Revision::of)
                    // familyPrefix also matches longer families (app-dev-web matches app-dev-web-admin)
                    .filter(r -> r.family().equals(family))
                    .sorted(Comparator.comparingInt(Revision::revision).reversed())
                    .toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:ListTaskDefinitions", "family " + family);
        }
    }

    @Override
    public RevisionDetails details(String arn) {
        try {
            var r = ecs.describeTaskDefinition(b -> b.taskDefinition(arn).include(TaskDefinitionField.TAGS));
            var td = r.taskDefinition();
            String image = mainImage(td);
            return new RevisionDetails(Revision.of(td.taskDefinitionArn()), image, EcsShapes.tagMap(r.tags()));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:DescribeTaskDefinition", arn);
        }
    }

    /**
     * The main container's image: driftless names the main container after the service, the last part of the
     * family {@code <app>-<env>-<service>}; sidecars may come first in a definition registered elsewhere.
     */
    static String mainImage(software.amazon.awssdk.services.ecs.model.TaskDefinition td) {
        var containers = td.containerDefinitions();
        if (containers.isEmpty()) {
            return null;
        }
        String family = td.family() == null ? "" : td.family();
        return containers.stream()
                .filter(c -> c.name() != null && family.endsWith("-" + c.name()))
                .max(java.util.Comparator.comparingInt(c -> c.name().length()))
                .orElse(containers.get(0)).image();
    }

    @Override
    public void deregister(String arn) {
        try {
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:DeregisterTaskDefinition", arn);
        }
    }
}
