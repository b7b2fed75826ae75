package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.plan.ServiceTags;
import java.time.Instant;
import dev.driftless.testing.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;

/** Deploy against moto patched to model rollouts (src/test/resources/moto/rollouts.py). */
class DeployerMotoTest {
    static MotoServer moto;
    DeployFixture f;
    MotoNetwork network;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        f = new DeployFixture(moto.endpoint());
        f.createCluster();
        network = MotoNetwork.create(moto);
    }

    @AfterEach
    void close() {
        f.close();
    }

    Service describe(String name) {
        return f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services(name).include(ServiceField.TAGS))
                .services().get(0);
    }

    static Map<String, String> tags(Service s) {
        return s.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void deployingTheSampleCreatesTheServicesWithTheSpecsSettings() {
        DeployReport report = f.deploy(DeployFixture.spec(network), "v1");

        assertThat(report.ok()).isTrue();
        assertThat(report.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.CREATED);
        Service backend = describe("backend");
        assertThat(backend.taskDefinition()).endsWith("task-definition/durable-code-dev-backend:1");
        assertThat(backend.desiredCount()).isEqualTo(1);
        assertThat(backend.capacityProviderStrategy()).extracting(c -> c.capacityProvider() + "/" + c.weight())
                .containsExactlyInAnyOrder("FARGATE_SPOT/1", "FARGATE/0");
        assertThat(backend.deploymentConfiguration().deploymentCircuitBreaker().enable()).isTrue();
        assertThat(backend.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
        assertThat(backend.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly(network.subnet());
        assertThat(backend.networkConfiguration().awsvpcConfiguration().securityGroups()).containsExactly(network.securityGroup());
        assertThat(backend.propagateTagsAsString()).isEqualTo("SERVICE");
        assertThat(tags(backend)).containsEntry("Project", "durable-code").containsEntry("CostCenter", "engineering")
                .containsEntry("driftless:environment", "dev")
                .containsEntry(ServiceTags.GIT_SHA, "0123abc")
                .containsEntry(ServiceTags.IMAGE, "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v1")
                .containsKey(ServiceTags.SPEC_HASH);
        Service frontend = describe("frontend");
        assertThat(frontend.desiredCount()).isEqualTo(2);
        assertThat(frontend.loadBalancers()).singleElement().satisfies(lb -> {
            assertThat(lb.containerName()).isEqualTo("frontend");
            assertThat(lb.containerPort()).isEqualTo(3000);
        });
        var td = f.ecs.describeTaskDefinition(r -> r.taskDefinition(backend.taskDefinition())).taskDefinition();
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertThat(td.executionRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/durable-code-exec");
        assertThat(td.containerDefinitions().get(0).secrets()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("DATABASE_URL"));
    }

    @Test
    void aSecondDeployWithNothingChangedRegistersNothingAndUpdatesNothing() {
        f.deploy(DeployFixture.spec(network), "v1");
        int mark = f.counter.mark();

        DeployReport again = f.deploy(DeployFixture.spec(network), "v1");

        List<String> calls = f.counter.since(mark);
        assertThat(again.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.UNCHANGED);
        // the plan reads the services (one call for both); neither autoscales, so no scalable-target read
        assertThat(calls).containsExactly("DescribeServices");
    }

    @Test
    void anImageChangeRegistersOneRevisionPerServiceAndUpdatesEachOnce() {
        f.deploy(DeployFixture.spec(network), "v1");
        int mark = f.counter.mark();

        DeployReport report = f.deploy(DeployFixture.spec(network), "v2");

        List<String> calls = f.counter.since(mark);
        assertThat(report.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.DEPLOYED);
        assertThat(f.counter.count(calls, "RegisterTaskDefinition")).isEqualTo(2);
        assertThat(f.counter.count(calls, "UpdateService")).isEqualTo(2);
        assertThat(f.counter.count(calls, "CreateService")).isZero();
        assertThat(f.counter.count(calls, "DescribeTaskDefinition")).isZero();
        assertThat(describe("backend").taskDefinition()).endsWith("durable-code-dev-backend:2");
        assertThat(tags(describe("backend"))).containsEntry(ServiceTags.IMAGE,
                "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v2");
        assertThat(report.taskDefinitionArns()).hasSize(2).allSatisfy((s, arn) -> assertThat(arn).endsWith(":2"));
    }

    @Test
    void autoscalingInTheSpecIsAppliedReadOnNextDeploysAndRemovedWhenTheSpecDropsIt() {
        var scaled = DeployFixture.spec(network, new dev.driftless.spec.Autoscaling(1, 3, 60, null));
        f.deploy(scaled, "v1");
        assertThat(target("backend")).isEqualTo("1-3");
        assertThat(tags(describe("backend"))).containsEntry(ServiceTags.AUTOSCALING, "1-3/60/-");
        int mark = f.counter.mark();

        f.deploy(scaled, "v1");
        // a service that autoscales has its target and policies read (drift would be repaired); nothing written
        assertThat(f.counter.since(mark)).containsExactly("DescribeServices", "DescribeScalableTargets",
                "DescribeScalingPolicies");

        mark = f.counter.mark();
        DeployReport removed = f.deploy(DeployFixture.spec(network), "v1");

        assertThat(removed.ok()).isTrue();
        assertThat(f.counter.since(mark)).contains("DeregisterScalableTarget").doesNotContain("RegisterTaskDefinition");
        assertThat(target("backend")).isNull();
        assertThat(tags(describe("backend"))).containsEntry(ServiceTags.AUTOSCALING, "none");
        assertThat(f.progress.lines).anyMatch(l -> l.contains("backend: the spec no longer autoscales it; removed its scalable target"));

        mark = f.counter.mark();
        f.deploy(DeployFixture.spec(network), "v1");
        // recorded as "none": the target is not read again
        assertThat(f.counter.since(mark)).containsExactly("DescribeServices");
    }

    @Test
    void aMetricTheSpecNoLongerTargetsHasItsPolicyDeleted() {
        f.deploy(DeployFixture.spec(network, new dev.driftless.spec.Autoscaling(1, 3, 60, 70)), "v1");
        assertThat(policies("backend")).containsExactlyInAnyOrder("driftless-backend-cpu", "driftless-backend-memory");
        int mark = f.counter.mark();

        f.deploy(DeployFixture.spec(network, new dev.driftless.spec.Autoscaling(1, 4, 60, null)), "v1");

        assertThat(f.counter.since(mark)).contains("RegisterScalableTarget", "DeleteScalingPolicy")
                .doesNotContain("RegisterTaskDefinition", "UpdateService");
        assertThat(policies("backend")).containsExactly("driftless-backend-cpu");
        assertThat(target("backend")).isEqualTo("1-4");
        assertThat(tags(describe("backend"))).containsEntry(ServiceTags.AUTOSCALING, "1-4/60/-");
        Plan plan = new Planner(f.reader()).plan(DeployFixture.spec(network, new dev.driftless.spec.Autoscaling(1, 4, 60, null)),
                "dev", List.of(), s -> new ImageRef.Tag("v1"), "tag v1", Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(plan.hasChanges()).isFalse();
    }

    List<String> policies(String service) {
        return f.autoScaling.describeScalingPolicies(r -> r.serviceNamespace("ecs")
                        .resourceId("service/" + DeployFixture.CLUSTER + "/" + service)).scalingPolicies().stream()
                .map(p -> p.policyName()).toList();
    }

    /** The service's scalable target as "min-max", or null without one. */
    String target(String service) {
        return f.autoScaling.describeScalableTargets(r -> r.serviceNamespace("ecs")
                        .resourceIds("service/" + DeployFixture.CLUSTER + "/" + service)).scalableTargets().stream()
                .map(t -> t.minCapacity() + "-" + t.maxCapacity()).findFirst().orElse(null);
    }

    @Test
    void planAfterADeployShowsZeroChanges() {
        f.deploy(DeployFixture.spec(network), "v1");
        f.deploy(DeployFixture.spec(network), "v2");

        Plan plan = new Planner(f.reader()).plan(DeployFixture.spec(network), "dev", List.of(),
                s -> new ImageRef.Tag("v2"), "tag v2", Instant.parse("2026-11-25T10:00:00Z"));

        assertThat(plan.services()).hasSize(2);
        assertThat(plan.services()).allSatisfy(s -> assertThat(s.changes()).isEmpty());
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.driftCount()).isZero();
    }

    @Test
    void aSpecChangeToOneServiceTouchesOnlyThatService() {
        f.deploy(DeployFixture.spec(network), "v1");
        int mark = f.counter.mark();

        DeployReport report = f.deploy(DeployFixture.spec(network, 512, Map.of("LOG_LEVEL", "info")), "v1");

        assertThat(report.services()).extracting(ServiceResult::service, ServiceResult::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("backend", Outcome.DEPLOYED),
                        org.assertj.core.groups.Tuple.tuple("frontend", Outcome.UNCHANGED));
        assertThat(f.counter.count(f.counter.since(mark), "RegisterTaskDefinition")).isEqualTo(1);
    }

    @Test
    void dryRunChangesNothing() {
        f.deploy(DeployFixture.spec(network), "v1");
        int mark = f.counter.mark();

        DeployReport report = f.deploy(DeployFixture.spec(network), new ImageSelection(Map.of(), "v2"),
                new DeployOptions(java.time.Duration.ofMinutes(30), true, true, false, 10, "0123abc"), List.of(), false);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.WOULD_CHANGE);
        assertThat(f.counter.since(mark)).containsExactly("DescribeServices");
        assertThat(f.progress.lines).anyMatch(l -> l.startsWith("dry run: backend: update task definition"));
    }

    @Test
    void aServiceNotInTheSpecIsAClearErrorBeforeAnyChange() {
        assertThatThrownBy(() -> f.deploy(DeployFixture.spec(network), new ImageSelection(Map.of(), "v1"),
                DeployFixture.options(false), List.of("worker"), false))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("no service worker")
                .satisfies(e -> assertThat(((DriftlessException) e).hint()).contains("backend, frontend"));
        assertThat(f.counter.calls).doesNotContain("CreateService", "RegisterTaskDefinition");
    }

    @Test
    void aNewServiceWithoutAnImageIsAClearErrorBeforeAnyChange() {
        assertThatThrownBy(() -> f.deploy(DeployFixture.spec(network), ImageSelection.keepLive(),
                DeployFixture.options(false), List.of(), false))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("does not exist yet and no image was given");
        assertThat(f.counter.calls).doesNotContain("CreateService", "RegisterTaskDefinition");
    }

    @Test
    void oldRevisionsBeyondRetainAreDeregisteredButNotTheLiveOrPreviousOne() {
        DeployOptions retain2 = new DeployOptions(java.time.Duration.ofMinutes(30), false, true, false, 2, "sha");
        for (String tag : List.of("v1", "v2", "v3", "v4")) {
            f.deploy(DeployFixture.spec(network), new ImageSelection(Map.of(), tag), retain2, List.of("backend"), false);
        }
        List<String> active = f.ecs.listTaskDefinitions(r -> r.familyPrefix("durable-code-dev-backend")
                .status("ACTIVE")).taskDefinitionArns();
        assertThat(active).extracting(a -> a.substring(a.lastIndexOf(':') + 1)).containsExactlyInAnyOrder("3", "4");
    }

    private static dev.driftless.spec.Schedule laSchedule(java.util.Set<java.time.DayOfWeek> days, int from, int to) {
        return new dev.driftless.spec.Schedule(java.time.ZoneId.of("America/Los_Angeles"), List.of(
                new dev.driftless.spec.Schedule.Window(days, java.time.LocalTime.of(from, 0), java.time.LocalTime.of(to, 0))));
    }

    @Test
    void aScheduleOnlyChangeIsRecordedWithTagsAloneAndThePlanAfterItShowsNoChange() {
        var weekdays = laSchedule(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), 8, 20);
        var everyDay = laSchedule(java.util.EnumSet.allOf(java.time.DayOfWeek.class), 7, 22);
        f.deploy(DeployFixture.spec(network, weekdays), "v1");
        assertThat(tags(describe("backend"))).containsEntry(ServiceTags.SCHEDULE, "America/Los_Angeles Mon-Fri 08:00-20:00");
        int mark = f.counter.mark();

        DeployReport report = f.deploy(DeployFixture.spec(network, everyDay), "v1");

        // no revision, no UpdateService, no rollout: one read and one TagResource per service
        assertThat(report.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(report.services()).allSatisfy(r -> assertThat(r.reasons())
                .containsExactly("runs on the schedule America/Los_Angeles Mon-Sun 07:00-22:00 from now on"));
        assertThat(f.counter.since(mark)).containsExactly("DescribeServices", "TagResource", "TagResource");
        assertThat(tags(describe("backend"))).containsEntry(ServiceTags.SCHEDULE, "America/Los_Angeles Mon-Sun 07:00-22:00");
        Plan plan = new Planner(f.reader()).plan(DeployFixture.spec(network, everyDay), "dev", List.of(),
                s -> new ImageRef.Tag("v1"), "tag v1", Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(plan.hasChanges()).isFalse();
    }

    @Test
    void aDryRunOfAScheduleOnlyChangeWritesNothing() {
        var weekdays = laSchedule(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), 8, 20);
        f.deploy(DeployFixture.spec(network), "v1");
        int mark = f.counter.mark();

        DeployReport report = f.deploy(DeployFixture.spec(network, weekdays), new ImageSelection(Map.of(), "v1"),
                new DeployOptions(java.time.Duration.ofMinutes(30), true, true, false, 10, "0123abc"), List.of(), false);

        assertThat(f.counter.since(mark)).containsExactly("DescribeServices");
        assertThat(report.services()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.WOULD_CHANGE);
            assertThat(r.reasons()).containsExactly("would record the schedule America/Los_Angeles Mon-Fri 08:00-20:00");
        });
        assertThat(f.progress.lines).anyMatch(l -> l.equals("dry run: backend: record its new schedule"
                + " (America/Los_Angeles Mon-Fri 08:00-20:00); nothing in ECS changes"));
    }
}
