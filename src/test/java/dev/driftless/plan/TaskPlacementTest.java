package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.Capacity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole tasks per provider, as ECS places them: base first, then task by task by the weights. */
class TaskPlacementTest {
    @ParameterizedTest(name = "{0} spot : {1} on-demand, base {2}, {3} tasks → {4} on demand, {5} on Spot")
    @CsvSource({
        // spot, onDemand, base, tasks, expected onDemand, expected spot
        "1, 1, 0, 3, 1, 2",     // 1:1 — a tie goes to FARGATE_SPOT, listed first
        "1, 1, 0, 4, 2, 2",
        "1, 4, 0, 5, 4, 1",     // ECS's documented example: one on A for every four on B
        "1, 4, 0, 10, 8, 2",
        "3, 1, 1, 5, 2, 3",     // the base on demand, then 3:1
        "3, 1, 1, 2, 1, 1",     // 1 base + one more: Spot, never 1.75 tasks
        "3, 1, 1, 1, 1, 0",     // only the base
        "3, 1, 4, 2, 2, 0",     // a base above the count covers every task
        "1, 0, 2, 5, 2, 3",     // on-demand weight 0: only the base is on demand
        "0, 1, 0, 3, 3, 0",     // Spot weight 0: none on Spot
        "0, 0, 0, 3, 3, 0",     // ECS refuses an all-zero strategy; priced on demand
        "2, 1, 0, 0, 0, 0",
    })
    void mixedCapacityIsPlacedInWholeTasks(int spot, int onDemand, int base, int tasks, int expectedOnDemand, int expectedSpot) {
        assertThat(TaskPlacement.of(new Capacity.Mixed(spot, onDemand, base), tasks))
                .isEqualTo(new TaskPlacement(expectedOnDemand, expectedSpot));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 3})
    void spotPutsEveryTaskOnSpotAndOnDemandNone(int tasks) {
        assertThat(TaskPlacement.of(new Capacity.Spot(), tasks)).isEqualTo(new TaskPlacement(0, tasks));
        assertThat(TaskPlacement.of(new Capacity.OnDemand(), tasks)).isEqualTo(new TaskPlacement(tasks, 0));
    }
}
