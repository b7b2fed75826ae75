package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.SampleSpec;
import dev.driftless.plan.TaskDefinition;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** A live definition, as DescribeTaskDefinition returns it with everything AWS adds, normalises to the rendering. */
class EcsShapesTest {
    private static final TaskDefinition RENDERED = rendered();

    private static TaskDefinition rendered() {
        var spec = SampleSpec.spec();
        var r = new DesiredRenderer(spec);
        var view = spec.servicesIn("dev").get("backend");
        return r.render(view, r.imageUri(view, new ImageRef.Tag("abc123"))).taskDefinition();
    }

    /** As registered from the rendering, then read back. */
    private static software.amazon.awssdk.services.ecs.model.TaskDefinition asRegistered() {
        var req = EcsShapes.toRegisterRequest(RENDERED, java.util.Map.of());
        return software.amazon.awssdk.services.ecs.model.TaskDefinition.builder()
                .family(req.family()).cpu(req.cpu()).memory(req.memory()).networkMode(req.networkMode())
                .requiresCompatibilities(req.requiresCompatibilities()).runtimePlatform(req.runtimePlatform())
                .executionRoleArn(req.executionRoleArn()).taskRoleArn(req.taskRoleArn())
                .containerDefinitions(req.containerDefinitions()).build();
    }

    static Stream<Arguments> awsFilledVariants() {
        UnaryOperator<ContainerDefinition> sameContainer = c -> c;
        return Stream.of(
                Arguments.of("as registered", (UnaryOperator<software.amazon.awssdk.services.ecs.model.TaskDefinition>) t -> t),
                Arguments.of("read-only keys set", (UnaryOperator<software.amazon.awssdk.services.ecs.model.TaskDefinition>) t ->
                        t.toBuilder().revision(7).status(TaskDefinitionStatus.ACTIVE).registeredAt(Instant.parse("2026-11-01T00:00:00Z"))
                                .registeredBy("arn:aws:sts::123456789012:assumed-role/x/y")
                                .compatibilities(Compatibility.EC2, Compatibility.FARGATE)
                                .requiresAttributes(Attribute.builder().name("com.amazonaws.ecs.capability.logging-driver.awslogs").build())
                                .taskDefinitionArn("arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:7")
                                .build()),
                Arguments.of("cpu and memory in vCPU and GB", (UnaryOperator<software.amazon.awssdk.services.ecs.model.TaskDefinition>) t ->
                        t.toBuilder().cpu("0.25 vCPU").memory("0.5 GB").build()),
                Arguments.of("container defaults filled in", container(c -> c.toBuilder().cpu(0).mountPoints(List.of()).volumesFrom(List.of())
                        .portMappings(PortMapping.builder().containerPort(8000).hostPort(8000).protocol("tcp").build()).build())),
                Arguments.of("variables and secrets in another order", container(c -> c.toBuilder()
                        .environment(KeyValuePair.builder().name("PORT").value("8000").build(),
                                KeyValuePair.builder().name("LOG_LEVEL").value("info").build())
                        .secrets(c.secrets().stream().map(s -> Secret.builder().name(s.name()).valueFrom(s.valueFrom()).build()).toList())
                        .build())),
                Arguments.of("port protocol omitted", container(c -> c.toBuilder()
                        .portMappings(PortMapping.builder().containerPort(8000).build()).build())),
                Arguments.of("unchanged container", container(sameContainer)));
    }

    private static UnaryOperator<software.amazon.awssdk.services.ecs.model.TaskDefinition> container(UnaryOperator<ContainerDefinition> f) {
        return t -> t.toBuilder().containerDefinitions(t.containerDefinitions().stream().map(f).toList()).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awsFilledVariants")
    void normalisesToTheRendering(String variant, UnaryOperator<software.amazon.awssdk.services.ecs.model.TaskDefinition> awsForm) {
        assertThat(EcsShapes.toPlan(awsForm.apply(asRegistered()), "backend")).isEqualTo(RENDERED);
    }

    @org.junit.jupiter.api.Test
    void linuxParametersTheSpecCannotSayAreCarriedBesideTheTypedInitProcess() {
        var live = asRegistered().toBuilder().containerDefinitions(asRegistered().containerDefinitions().stream()
                .map(c -> c.toBuilder().linuxParameters(l -> l.initProcessEnabled(true)
                        .capabilities(k -> k.add("SYS_PTRACE"))).build()).toList()).build();

        TaskDefinition read = EcsShapes.toPlan(live, "backend");

        assertThat(read.container().initProcessEnabled()).isTrue();
        assertThat(read.carried().names()).containsExactly("container linuxParameters");
        assertThat(read.carried().container().get("linuxParameters"))
                .isEqualTo(java.util.Map.of("capabilities", java.util.Map.of("add", List.of("SYS_PTRACE"))));
        var registered = EcsShapes.toRegisterRequest(read, java.util.Map.of()).containerDefinitions().get(0).linuxParameters();
        assertThat(registered.initProcessEnabled()).isTrue();
        assertThat(registered.capabilities().add()).containsExactly("SYS_PTRACE");
    }

    @org.junit.jupiter.api.Test
    void onlyTheTypedInitProcessIsNotCarried() {
        var live = asRegistered().toBuilder().containerDefinitions(asRegistered().containerDefinitions().stream()
                .map(c -> c.toBuilder().linuxParameters(l -> l.initProcessEnabled(true)).build()).toList()).build();

        TaskDefinition read = EcsShapes.toPlan(live, "backend");

        assertThat(read.carried().isEmpty()).isTrue();
        assertThat(EcsShapes.toRegisterRequest(read, java.util.Map.of()).containerDefinitions().get(0).linuxParameters()
                .initProcessEnabled()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void logSecretOptionsAndSidecarCapabilitiesAreCarriedAndRegisteredAgain() {
        var base = asRegistered();
        String sidecar = "agent";
        List<ContainerDefinition> containers = new java.util.ArrayList<>(base.containerDefinitions().stream().map(c ->
                c.toBuilder().logConfiguration(c.logConfiguration().toBuilder()
                        .secretOptions(x -> x.name("apikey").valueFrom("arn:aws:ssm:us-west-2:123456789012:parameter/key")).build())
                        .build()).toList());
        containers.add(ContainerDefinition.builder().name(sidecar).image("public.ecr.aws/example/agent:1").essential(false)
                .linuxParameters(l -> l.capabilities(k -> k.drop("ALL"))).build());
        var live = base.toBuilder().containerDefinitions(containers).build();

        TaskDefinition read = EcsShapes.toPlan(live, "backend");

        assertThat(read.carried().names()).containsExactlyInAnyOrder("container logConfiguration", "sidecar " + sidecar + " linuxParameters");
        var again = EcsShapes.toRegisterRequest(read, java.util.Map.of()).containerDefinitions();
        assertThat(again).extracting(ContainerDefinition::name).containsExactlyInAnyOrder("backend", sidecar);
        var main = again.stream().filter(c -> c.name().equals("backend")).findFirst().orElseThrow();
        assertThat(main.logConfiguration().logDriverAsString()).isEqualTo("awslogs");
        assertThat(main.logConfiguration().options()).isEqualTo(RENDERED.container().logConfiguration().options());
        assertThat(main.logConfiguration().secretOptions()).singleElement().satisfies(x -> assertThat(x.name()).isEqualTo("apikey"));
        var side = again.stream().filter(c -> c.name().equals(sidecar)).findFirst().orElseThrow();
        assertThat(side.image()).isEqualTo("public.ecr.aws/example/agent:1");
        assertThat(side.linuxParameters().capabilities().drop()).containsExactly("ALL");
        assertThat(EcsShapes.toPlan(live.toBuilder().containerDefinitions(again).build(), "backend")).isEqualTo(read);
    }

    @org.junit.jupiter.api.Test
    void volumeKeysTheTypedVolumeDoesNotHoldAreCarriedAndMergedIntoTheSameVolume() {
        var base = asRegistered();
        var live = base.toBuilder().volumes(
                software.amazon.awssdk.services.ecs.model.Volume.builder().name("data").configuredAtLaunch(true).build(),
                software.amazon.awssdk.services.ecs.model.Volume.builder().name("shared").efsVolumeConfiguration(e -> e
                        .fileSystemId("fs-1").transitEncryption("ENABLED").transitEncryptionPort(2999)
                        .authorizationConfig(a -> a.accessPointId("fsap-1").iam("ENABLED"))).build()).build();

        TaskDefinition read = EcsShapes.toPlan(live, "backend");

        assertThat(read.volumes()).extracting(TaskDefinition.Volume::name).containsExactly("data", "shared");
        assertThat(read.carried().names()).containsExactly("volumes");
        var again = EcsShapes.toRegisterRequest(read, java.util.Map.of()).volumes();
        assertThat(again).hasSize(2);
        assertThat(again.get(0).configuredAtLaunch()).isTrue();
        var efs = again.get(1).efsVolumeConfiguration();
        assertThat(efs.fileSystemId()).isEqualTo("fs-1");
        assertThat(efs.transitEncryptionPort()).isEqualTo(2999);
        assertThat(efs.authorizationConfig().accessPointId()).isEqualTo("fsap-1");
        assertThat(efs.authorizationConfig().iamAsString()).isEqualTo("ENABLED");
        assertThat(EcsShapes.toPlan(live.toBuilder().volumes(again).build(), "backend")).isEqualTo(read);
    }

    @org.junit.jupiter.api.Test
    void aPortRangeIsCarriedBesideTheTypedPortsInsteadOfFailingTheRead() {
        var base = asRegistered();
        var live = base.toBuilder().containerDefinitions(base.containerDefinitions().stream().map(c -> c.toBuilder()
                .portMappings(java.util.stream.Stream.concat(c.portMappings().stream(), Stream.of(PortMapping.builder()
                        .containerPortRange("9000-9010").protocol("udp").build())).toList()).build()).toList()).build();

        TaskDefinition read = EcsShapes.toPlan(live, "backend");

        assertThat(read.container().portMappings()).isEqualTo(RENDERED.container().portMappings());
        assertThat(read.carried().names()).containsExactly("container portMappings");
        var ports = EcsShapes.toRegisterRequest(read, java.util.Map.of()).containerDefinitions().get(0).portMappings();
        assertThat(ports).hasSize(RENDERED.container().portMappings().size() + 1);
        assertThat(ports).anySatisfy(p -> assertThat(p.containerPortRange()).isEqualTo("9000-9010"));
        assertThat(EcsShapes.toPlan(live.toBuilder().containerDefinitions(
                EcsShapes.toRegisterRequest(read, java.util.Map.of()).containerDefinitions()).build(), "backend")).isEqualTo(read);
    }
}
