package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.engine.ScalingStep.Bounds;
import dev.driftless.plan.LiveService;
import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stop and start decisions from what was read, table by table; no AWS. */
class ScalingDeciderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    /**
     * Columns: desiredCount, target (min-max or none), tags (k=v;k=v), then what stop decides: the
     * outcome, desiredCount after, target after, the tags it saves.
     */
    @ParameterizedTest(name = "stop: desired {0}, target {1}, tags [{2}] → {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            3 | 2-5  | none                                           | change | 0 | 0-0  | driftless:saved-desired-count=3;driftless:saved-min=2;driftless:saved-max=5
            1 | 1-3  | none                                           | change | 0 | 0-0  | driftless:saved-desired-count=1;driftless:saved-min=1;driftless:saved-max=3
            2 | none | none                                           | change | 0 | none | driftless:saved-desired-count=2
            0 | 0-0  | driftless:saved-desired-count=3                | keep   | 0 | none | none
            0 | 2-5  | driftless:saved-desired-count=3                | change | 0 | 0-0  | driftless:saved-min=2;driftless:saved-max=5
            2 | 0-0  | driftless:saved-desired-count=3;driftless:saved-min=2;driftless:saved-max=5 | change | 0 | none | none
            0 | none | none                                           | keep   | 0 | none | none
            3 | 2-5  | keep-running=true                              | skip   | 3 | none | none
            3 | 2-5  | keep-running=TRUE                              | skip   | 3 | none | none
            3 | 2-5  | keep-running=until:2026-11-26T00:00:00Z        | skip   | 3 | none | none
            3 | 2-5  | keep-running=until:tomorrow                    | skip   | 3 | none | none
            3 | none | keep-running=until:2026-11-20T00:00:00Z        | change | 0 | none | driftless:saved-desired-count=3
            3 | none | keep-running=false                             | change | 0 | none | driftless:saved-desired-count=3
            """)
    void stop(int desired, String target, String tags, String outcome, int desiredAfter, String targetAfter, String saved) {
        ScalingDecision d = ScalingDecider.stop(service(desired, tags, false), bounds(target), NOW);

        assertThat(kind(d)).isEqualTo(outcome);
        if (d instanceof ScalingDecision.Change c) {
            assertThat(c.step().desiredAfterOrBefore()).isEqualTo(desiredAfter);
            assertThat(c.step().targetAfter()).isEqualTo(bounds(targetAfter));
            assertThat(c.step().tagsToWrite()).isEqualTo(tags(saved));
        }
    }

    @ParameterizedTest(name = "stop while deploying is skipped")
    @CsvSource({"3", "0"})
    void stopSkipsADeploymentInProgress(int desired) {
        assertThat(ScalingDecider.stop(service(desired, null, true), Optional.empty(), NOW))
                .isEqualTo(new ScalingDecision.Skip("backend", "a deployment is in progress"));
    }

    /** Columns: desiredCount, target, tags, then what start decides: outcome, desiredCount after, target after. The spec says 1 and 1-3. */
    @ParameterizedTest(name = "start: desired {0}, target {1}, tags [{2}] → {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            0 | 0-0  | driftless:saved-desired-count=3;driftless:saved-min=2;driftless:saved-max=5 | change | 3 | 2-5
            0 | 0-0  | none                                             | change | 1 | 1-3
            0 | none | driftless:saved-desired-count=4                  | change | 4 | none
            0 | none | none                                             | change | 1 | none
            0 | 0-0  | driftless:saved-desired-count=9;driftless:saved-min=2;driftless:saved-max=5 | change | 5 | 2-5
            3 | 2-5  | none                                             | keep   | 3 | none
            3 | 2-5  | driftless:saved-desired-count=3                  | change | 3 | none
            """)
    void start(int desired, String target, String tags, String outcome, int desiredAfter, String targetAfter) {
        ServiceView spec = new ServiceView("backend", "dev", null, 256, 512, "X86_64", null, List.of(), Map.of(), Map.of(), null, null,
                1, new Autoscaling(1, 3, 60, null), new Capacity.OnDemand());

        ScalingDecision d = ScalingDecider.start(service(desired, tags, false), bounds(target), spec);

        assertThat(kind(d)).isEqualTo(outcome);
        if (d instanceof ScalingDecision.Change c) {
            assertThat(c.step().desiredAfterOrBefore()).isEqualTo(desiredAfter);
            assertThat(c.step().targetAfter()).isEqualTo(bounds(targetAfter));
            assertThat(c.step().tagsToRemove()).containsExactlyInAnyOrderElementsOf(tags(tags).keySet());
        }
    }

    private static String kind(ScalingDecision d) {
        return d instanceof ScalingDecision.Change ? "change" : d instanceof ScalingDecision.Skip ? "skip" : "keep";
    }

    private static Optional<Bounds> bounds(String minMax) {
        if (minMax == null) {
            return Optional.empty();
        }
        String[] p = minMax.split("-");
        return Optional.of(new Bounds(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
    }

    private static Map<String, String> tags(String spec) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (spec != null) {
            for (String kv : spec.split(";")) {
                int eq = kv.indexOf('=');
                tags.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return tags;
    }

    private static LiveService service(int desired, String tags, boolean deploying) {
        List<LiveService.LiveDeployment> deployments = deploying
                ? List.of(deployment("PRIMARY", "IN_PROGRESS"))
                : List.of(deployment("PRIMARY", "COMPLETED"));
        return new LiveService("backend", "arn:aws:ecs:us-west-2:123456789012:service/dev/backend", "ACTIVE", desired, desired, 0,
                "arn:aws:ecs:us-west-2:123456789012:task-definition/backend:1", deployments, null, tags(tags), List.of());
    }

    private static LiveService.LiveDeployment deployment(String status, String rollout) {
        return new LiveService.LiveDeployment("ecs-svc/1", status, "arn:aws:ecs:us-west-2:123456789012:task-definition/backend:1",
                rollout, null, 1, 1, 0, 0, NOW, NOW);
    }
}
