package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.EcsServiceScaling;
import dev.driftless.plan.ScheduleEvaluator.Transition;
import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.ServiceView;
import dev.driftless.testing.MotoServer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleReconcilerMotoTest {
    /** Saturday 2026-11-28 10:00 in Los Angeles: outside weekdays 08:00-20:00. */
    private static final Instant SATURDAY = Instant.parse("2026-11-28T18:00:00Z");
    /** Monday 2026-11-30 09:00 in Los Angeles: inside. */
    private static final Instant MONDAY = Instant.parse("2026-11-30T17:00:00Z");
    private static final EnvironmentSpec DEV = new EnvironmentSpec("dev", MotoEcs.CLUSTER, null, null, null,
            new Schedule(ZoneId.of("America/Los_Angeles"),
                    List.of(new Schedule.Window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(20, 0)))),
            null, null);
    private static final List<ServiceView> SERVICES = List.of(
            MotoEcs.spec("backend", 1, new Autoscaling(1, 3, 60, null)), MotoEcs.spec("frontend", 1, null));

    private static MotoServer moto;
    private MotoEcs aws;
    private CountingPorts counted;

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
        aws.service("backend", 3, Map.of());
        aws.target("backend", 2, 5);
        aws.service("frontend", 2, Map.of());
        counted = new CountingPorts(aws.reader(), aws.targets(), new EcsServiceScaling(aws.ecs));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void outsideTheWindowItStopsAndASecondRunAtTheSameInstantMutatesNothing() {
        ScheduleReconciler reconciler = new ScheduleReconciler(counted.scaler());

        ScheduleReconciler.Outcome first = reconciler.reconcile(DEV, SERVICES, SATURDAY, false);

        assertThat(first.shouldRun()).isFalse();
        assertThat(first.next()).contains(new Transition(Transition.Kind.START, Instant.parse("2026-11-30T16:00:00Z")));
        assertThat(first.report().orElseThrow().changed()).extracting(ScalingStep::service).containsExactly("backend", "frontend");
        assertThat(counted.mutations()).hasSize(5); // backend: tag, lower target, desired 0; frontend: tag, desired 0
        assertThat(aws.desiredCount("backend")).isZero();
        assertThat(aws.desiredCount("frontend")).isZero();

        counted.clear();
        ScheduleReconciler.Outcome second = reconciler.reconcile(DEV, SERVICES, SATURDAY, false);

        assertThat(counted.mutations()).isEmpty();
        assertThat(counted.calls).containsExactly("readServices [backend, frontend]");
        assertThat(second.report().orElseThrow().changed()).isEmpty();
        assertThat(second.report().orElseThrow().kept()).hasSize(2);
    }

    @Test
    void insideTheWindowItStartsWhatWasStoppedAndASecondRunMutatesNothing() {
        ScheduleReconciler reconciler = new ScheduleReconciler(counted.scaler());
        reconciler.reconcile(DEV, SERVICES, SATURDAY, false);
        counted.clear();

        ScheduleReconciler.Outcome first = reconciler.reconcile(DEV, SERVICES, MONDAY, false);

        assertThat(first.shouldRun()).isTrue();
        assertThat(first.next()).contains(new Transition(Transition.Kind.STOP, Instant.parse("2026-12-01T04:00:00Z")));
        assertThat(aws.desiredCount("backend")).isEqualTo(3);
        assertThat(aws.desiredCount("frontend")).isEqualTo(2);
        assertThat(aws.scalableTarget("backend")).isEqualTo(new ScalingStep.Bounds(2, 5));

        counted.clear();
        reconciler.reconcile(DEV, SERVICES, MONDAY, false);

        assertThat(counted.mutations()).isEmpty();
        assertThat(counted.calls).containsExactly("readServices [backend, frontend]");
    }

    @Test
    void anEnvironmentWithoutAScheduleIsLeftAlone() {
        EnvironmentSpec prod = new EnvironmentSpec("prod", MotoEcs.CLUSTER, null, null, null, null, null, null);

        ScheduleReconciler.Outcome outcome = new ScheduleReconciler(counted.scaler()).reconcile(prod, SERVICES, SATURDAY, false);

        assertThat(outcome.scheduled()).isFalse();
        assertThat(counted.calls).isEmpty();
        assertThat(aws.desiredCount("backend")).isEqualTo(3);
    }
}
