package dev.driftless.engine;

import static dev.driftless.engine.EnvironmentScaler.Direction.START;
import static dev.driftless.engine.EnvironmentScaler.Direction.STOP;
import static dev.driftless.engine.MotoEcs.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.ServiceTags;
import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.ServiceView;
import dev.driftless.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stop/start against moto. moto reports a service's rollout COMPLETED only when its running count
 * (MOTO_ECS_SERVICE_RUNNING, 3 here) covers the desiredCount at creation, so a service created with 5
 * stays IN_PROGRESS: a deployment in progress.
 */
class StopStartMotoTest {
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static MotoServer moto;
    private MotoEcs aws;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Map.of("MOTO_ECS_SERVICE_RUNNING", "3"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        aws = new MotoEcs(moto);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void stopThenStartRestoresTheSavedDesiredCountAndAutoscalingNotTheSpecs() {
        aws.service("backend", 3, Map.of());
        aws.target("backend", 2, 5);
        // the spec says 1 and 1-3: start must bring back what ran (3 and 2-5), not these
        List<ServiceView> spec = List.of(MotoEcs.spec("backend", 1, new Autoscaling(1, 3, 60, null)));

        ScalingReport stop = aws.scaler().scale(STOP, CLUSTER, spec, NOW, false);

        assertThat(stop.changed()).singleElement().satisfies(s -> {
            assertThat(s.desiredBefore()).isEqualTo(3);
            assertThat(s.desiredAfterOrBefore()).isZero();
        });
        assertThat(aws.desiredCount("backend")).isZero();
        assertThat(aws.scalableTarget("backend")).isEqualTo(new ScalingStep.Bounds(0, 0));
        assertThat(aws.tags("backend")).containsEntry(ServiceTags.SCHEDULE_SAVED_DESIRED, "3")
                .containsEntry(ServiceTags.SCHEDULE_SAVED_MIN, "2").containsEntry(ServiceTags.SCHEDULE_SAVED_MAX, "5");

        ScalingReport start = aws.scaler().scale(START, CLUSTER, spec, NOW, false);

        assertThat(start.changed()).singleElement().satisfies(s -> assertThat(s.desiredAfterOrBefore()).isEqualTo(3));
        assertThat(aws.desiredCount("backend")).isEqualTo(3);
        assertThat(aws.scalableTarget("backend")).isEqualTo(new ScalingStep.Bounds(2, 5));
        assertThat(aws.tags("backend")).doesNotContainKeys(ServiceTags.SCHEDULE_SAVED_DESIRED, ServiceTags.SCHEDULE_SAVED_MIN, ServiceTags.SCHEDULE_SAVED_MAX);
    }

    @Test
    void aSecondStopKeepsTheSavedCount() {
        aws.service("backend", 3, Map.of());
        aws.target("backend", 2, 5);
        List<ServiceView> spec = List.of(MotoEcs.spec("backend", 1, null));

        aws.scaler().scale(STOP, CLUSTER, spec, NOW, false);
        ScalingReport second = aws.scaler().scale(STOP, CLUSTER, spec, NOW, false);

        assertThat(second.changed()).isEmpty();
        assertThat(second.kept()).extracting(ScalingDecision.Keep::reason).containsExactly("already stopped");
        assertThat(aws.tags("backend")).containsEntry(ServiceTags.SCHEDULE_SAVED_DESIRED, "3").containsEntry(ServiceTags.SCHEDULE_SAVED_MIN, "2");

        aws.scaler().scale(START, CLUSTER, spec, NOW, false);
        assertThat(aws.desiredCount("backend")).isEqualTo(3);
    }

    @Test
    void keepRunningTrueAndAFutureUntilAreSkippedAnExpiredUntilIsNot() {
        aws.service("pinned", 2, Map.of("keep-running", "true"));
        aws.service("demo", 2, Map.of("keep-running", "until:2026-11-26T00:00:00Z"));
        aws.service("expired", 2, Map.of("keep-running", "until:2026-11-20T00:00:00Z"));
        List<ServiceView> spec = List.of(MotoEcs.spec("pinned", 1, null), MotoEcs.spec("demo", 1, null), MotoEcs.spec("expired", 1, null));

        ScalingReport stop = aws.scaler().scale(STOP, CLUSTER, spec, NOW, false);

        assertThat(stop.skipped()).extracting(ScalingDecision.Skip::service, ScalingDecision.Skip::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pinned", "tagged keep-running=true"),
                org.assertj.core.groups.Tuple.tuple("demo", "tagged keep-running until 2026-11-26T00:00:00Z"));
        assertThat(stop.changed()).singleElement().satisfies(s -> {
            assertThat(s.service()).isEqualTo("expired");
            assertThat(s.note()).contains("expired");
        });
        assertThat(aws.desiredCount("pinned")).isEqualTo(2);
        assertThat(aws.desiredCount("demo")).isEqualTo(2);
        assertThat(aws.desiredCount("expired")).isZero();
    }

    @Test
    void aServiceWhoseTargetHasMinOneStaysAtZeroBecauseItsTargetWasLowered() {
        aws.service("worker", 1, Map.of());
        aws.target("worker", 1, 3);

        aws.scaler().scale(STOP, CLUSTER, List.of(MotoEcs.spec("worker", 1, null)), NOW, false);

        assertThat(aws.desiredCount("worker")).isZero();
        // with min 1 left in place, Application Auto Scaling would set desiredCount back to 1
        assertThat(aws.scalableTarget("worker")).isEqualTo(new ScalingStep.Bounds(0, 0));
        assertThat(aws.tags("worker")).containsEntry(ServiceTags.SCHEDULE_SAVED_MIN, "1").containsEntry(ServiceTags.SCHEDULE_SAVED_MAX, "3");
    }

    @Test
    void aServiceWithADeploymentInProgressIsSkipped() {
        aws.service("rolling", 5, Map.of());

        ScalingReport stop = aws.scaler().scale(STOP, CLUSTER, List.of(MotoEcs.spec("rolling", 1, null)), NOW, false);

        assertThat(stop.skipped()).extracting(ScalingDecision.Skip::reason).containsExactly("a deployment is in progress");
        assertThat(aws.desiredCount("rolling")).isEqualTo(5);
    }

    @Test
    void startWithoutSavedTagsUsesTheSpecsValues() {
        aws.service("backend", 0, Map.of());
        aws.target("backend", 0, 0);

        ScalingReport start = aws.scaler().scale(START, CLUSTER, List.of(MotoEcs.spec("backend", 2, new Autoscaling(1, 4, 60, null))), NOW, false);

        assertThat(aws.desiredCount("backend")).isEqualTo(2);
        assertThat(aws.scalableTarget("backend")).isEqualTo(new ScalingStep.Bounds(1, 4));
        assertThat(start.changed()).singleElement().satisfies(s -> assertThat(s.note()).contains("from the spec"));
    }

    @Test
    void dryRunReportsTheChangeAndChangesNothing() {
        aws.service("backend", 3, Map.of());
        aws.target("backend", 2, 5);

        ScalingReport stop = aws.scaler().scale(STOP, CLUSTER, List.of(MotoEcs.spec("backend", 1, null)), NOW, true);

        assertThat(stop.changed()).singleElement().satisfies(s -> assertThat(s.desiredAfterOrBefore()).isZero());
        assertThat(aws.desiredCount("backend")).isEqualTo(3);
        assertThat(aws.scalableTarget("backend")).isEqualTo(new ScalingStep.Bounds(2, 5));
        assertThat(aws.tags("backend")).doesNotContainKey(ServiceTags.SCHEDULE_SAVED_DESIRED);
    }

    @Test
    void aServiceMissingFromTheClusterIsSkippedWithTheReason() {
        ScalingReport stop = aws.scaler().scale(STOP, CLUSTER, List.of(MotoEcs.spec("ghost", 1, null)), NOW, false);

        assertThat(stop.skipped()).extracting(ScalingDecision.Skip::reason).containsExactly("not found in cluster " + CLUSTER);
    }
}
