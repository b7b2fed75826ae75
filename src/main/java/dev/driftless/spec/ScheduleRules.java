package dev.driftless.spec;

import java.util.List;

/**
 * Schedules that mean something: at least one window, and windows with a length. A window whose
 * {@code from} is after its {@code to} runs across midnight; that is allowed and said, since it is
 * also what a swapped pair looks like.
 */
final class ScheduleRules implements SpecRule {
    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.environments().forEach((env, e) -> {
            Schedule schedule = e.schedule();
            if (schedule == null) {
                return;
            }
            String path = "environments." + env + ".schedule.running";
            if (problems.locations().has(path) && schedule.running().isEmpty()
                    && !problems.locations().has(path + "[0]")) {
                problems.error(path, "no running windows: " + env + " would never run; "
                        + "remove 'schedule' to run it always, or add a window like {days: MON-FRI, from: \"08:00\", to: \"20:00\"}");
            }
            List<Schedule.Window> windows = schedule.running();
            if (problems.locations().has(path + "[" + windows.size() + "]")) {
                return; // a window failed to bind (reported); the rest no longer line up with their paths
            }
            for (int i = 0; i < windows.size(); i++) {
                window(windows.get(i), path + "[" + i + "]", problems);
            }
        });
    }

    private static void window(Schedule.Window w, String path, Problems problems) {
        if (w.from().equals(w.to())) {
            problems.error(path + ".to", "from and to are both " + w.from() + ", so the window has no length; "
                    + "to run all day, leave the environment without a schedule or use two windows");
        } else if (w.crossesMidnight()) {
            problems.warning(path + ".to", "the window crosses midnight: it starts at " + w.from()
                    + " on each listed day and ends at " + w.to() + " the next day (swap from and to if you meant "
                    + w.to() + "–" + w.from() + ")");
        }
    }
}
