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
    private final CheckedRetry retry;

    public EcsTaskDefinitionStore(EcsClient ecs) {
        this(ecs, RetryPolicy.DEFAULT, dev.driftless.engine.Sleeper.REAL);
    }

    public EcsTaskDefinitionStore(EcsClient ecs, RetryPolicy policy, dev.driftless.engine.Sleeper sleeper) {
        this.ecs = ecs;
        this.retry = new CheckedRetry(policy, sleeper);
    }

    @Override
    public String register(TaskDefinition definition, Map<String, String> tags) {
        var request = EcsShapes.toRegisterRequest(definition, tags).toBuilder()
                .overrideConfiguration(CheckedRetry.noSdkRetries()).build();
        return retry.run(() -> ecs.registerTaskDefinition(request).taskDefinition().taskDefinitionArn(),
                () -> alreadyRegistered(definition.family(), tags),
                e -> AwsFailures.translate(e, "ecs:RegisterTaskDefinition", "family " + definition.family()
                        + " (registering also needs iam:PassRole on the execution and task roles)"));
    }

    /**
     * After a RegisterTaskDefinition whose answer was lost: the family's newest revision carries the spec
     * hash we register with, so it is ours (or identical to ours) and registering again would only add a
     * duplicate revision.
     */
    private java.util.Optional<String> alreadyRegistered(String family, Map<String, String> tags) {
        String hash = tags.get(dev.driftless.plan.ServiceTags.SPEC_HASH);
        if (hash == null) {
            return java.util.Optional.empty();
        }
        return revisions(family).stream().findFirst().map(Revision::arn)
                .filter(arn -> hash.equals(details(arn).tags().get(dev.driftless.plan.ServiceTags.SPEC_HASH)));
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
