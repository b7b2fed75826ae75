package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.SampleSpec;
import dev.driftless.plan.ServiceTags;
import dev.driftless.spec.DeploySpec;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class EcsLiveStateReaderTest {
    private final DeploySpec spec = SampleSpec.spec();
    private final DesiredRenderer renderer = new DesiredRenderer(spec);

    private DesiredService rendered(String env, String service) {
        var view = spec.servicesIn(env).get(service);
        return renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("abc123")));
    }

    @Test
    void aMissingClusterMeansEverythingIsToCreate(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            LiveEnvironment live = new EcsLiveStateReader(aws.ecs, aws.scaling).services("nope", List.of("backend", "frontend"));

            assertThat(live.clusterExists()).isFalse();
            assertThat(live.services()).isEmpty();
            assertThat(live.missing()).containsExactly("backend", "frontend");
        }
    }

    @Test
    void readsServicesWithTagsDeploymentsAndSettings(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            DesiredService backend = rendered("dev", "backend");
            String arn = new RenderedServices(aws).put(backend);
            aws.forgetCalls();

            LiveEnvironment live = new EcsLiveStateReader(aws.ecs, aws.scaling)
                    .services("durable-code-dev", List.of("backend", "frontend"));

            assertThat(aws.calls()).containsExactly("DescribeServices");
            assertThat(live.clusterExists()).isTrue();
            assertThat(live.missing()).containsExactly("frontend");
            LiveService s = live.service("backend").orElseThrow();
            assertThat(s.arn()).endsWith(":service/durable-code-dev/backend");
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(s.taskDefinitionArn()).isEqualTo(arn);
            assertThat(s.desiredCount()).isEqualTo(1);
            assertThat(s.primary()).hasValueSatisfying(d -> assertThat(d.taskDefinitionArn()).isNotBlank());
            assertThat(s.tag(ServiceTags.SPEC_HASH)).contains(backend.specHash());
            assertThat(s.tags()).containsEntry("Project", "durable-code");
            assertThat(s.settings()).isEqualTo(backend.settings());
        }
    }

    @Test
    void asksForTenServicesPerCall(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            aws.ecs.createCluster(b -> b.clusterName("c"));
            List<String> names = IntStream.rangeClosed(1, 23).mapToObj(i -> "svc" + i).toList();

            LiveEnvironment live = new EcsLiveStateReader(aws.ecs, aws.scaling).services("c", names);

            assertThat(aws.calls()).containsExactly("CreateCluster", "DescribeServices", "DescribeServices", "DescribeServices");
            assertThat(live.missing()).containsExactlyElementsOf(names);
        }
    }

    @Test
    void aRegisteredRenderingReadsBackEqual(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            for (String service : List.of("backend", "frontend")) {
                DesiredService d = rendered("dev", service);
                String arn = aws.ecs.registerTaskDefinition(EcsShapes.toRegisterRequest(d.taskDefinition(), d.tags()))
                        .taskDefinition().taskDefinitionArn();

                assertThat(new EcsLiveStateReader(aws.ecs, aws.scaling).taskDefinition(arn, service))
                        .contains(d.taskDefinition());
            }
        }
    }

    @Test
    void aMissingTaskDefinitionIsEmpty(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            assertThat(new EcsLiveStateReader(aws.ecs, aws.scaling)
                    .taskDefinition("arn:aws:ecs:us-west-2:123456789012:task-definition/none:1", "none")).isEmpty();
        }
    }

    @Test
    void readsScalableTargetsAndTargetTrackingPolicies(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            new RenderedServices(aws).put(rendered("dev", "backend"));
            new RenderedServices(aws).put(rendered("dev", "frontend"));
            var scaling = new EcsLiveStateReader(aws.ecs, aws.scaling).scaling("durable-code-dev", List.of("backend", "frontend"));

            assertThat(scaling).containsOnlyKeys("backend");
            assertThat(scaling.get("backend").min()).isEqualTo(1);
            assertThat(scaling.get("backend").max()).isEqualTo(3);
            assertThat(scaling.get("backend").cpuPercent()).isEqualTo(60);
            assertThat(scaling.get("backend").memoryPercent()).isEqualTo(70);
        }
    }

    @Test
    void aDenialNamesTheIamAction(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            moto.post("/moto-api/reset-auth", "0", "text/plain");
            try {
                assertThatThrownBy(() -> new EcsLiveStateReader(aws.ecs, aws.scaling).services("c", List.of("backend")))
                        .isInstanceOf(DriftlessException.class)
                        .hasMessageContaining("AWS denied ecs:DescribeServices while reading services of cluster c")
                        .satisfies(e -> assertThat(((DriftlessException) e).hint()).contains("allow ecs:DescribeServices"));
            } finally {
                moto.post("/moto-api/reset-auth", "inf", "text/plain");
            }
        }
    }
}
