package dev.driftless.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans of the sample spec's dev services running as the spec sizes them, each with a recorded schedule tag. */
public final class RecordedSchedulePlans {
    private RecordedSchedulePlans() {
    }

    /** One unchanged service per entry, in the map's order; a null tag means none was recorded. */
    public static Plan dev(Map<String, String> scheduleTagByService) {
        List<ServicePlan> services = new ArrayList<>();
        scheduleTagByService.forEach((service, tag) -> {
            ServicePlan.LiveFacts live = new ServicePlan.LiveFacts(256, 512, "X86_64", 1,
                    List.of(new ServiceSettings.CapacityItem(DesiredRenderer.FARGATE_SPOT, 1, 0)), tag);
            services.add(new ServicePlan(service, ServicePlan.Action.NONE, List.of(), null,
                    "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-" + service + ":1",
                    false, false, false, List.of(), live));
        });
        return new Plan("durable-code", "dev", "durable-code-dev", true, "tag `abc123`",
                Instant.parse("2026-11-25T16:00:00Z"), services);
    }
}
