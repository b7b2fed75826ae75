package dev.driftless.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's pipeline over the sample application: the four flows of the product in the order a
 * team meets them — push (deploy twice), pull request (plan with cost), schedule (stop at night,
 * start in the morning), workflow_dispatch (rollback), then the cost report. Times are chosen on a
 * weekday so the sample's MON-FRI 08:00–20:00 schedule has something to do.
 */
public final class DemoPipeline {
    private DemoPipeline() {
    }

    public static List<DemoStep> steps(String specs, String environment, String service, String scheduleZone, LocalDate today) {
        LocalDate day = weekdayWithWeekdayAfter(today);
        ZoneId zone = ZoneId.of(scheduleZone);
        String night = ZonedDateTime.of(day, LocalTime.of(23, 0), zone).toInstant().toString();
        String morning = ZonedDateTime.of(day.plusDays(1), LocalTime.of(8, 30), zone).toInstant().toString();
        String noon = ZonedDateTime.of(day.plusDays(1), LocalTime.of(12, 0), zone).toInstant().toString();
        List<DemoStep> steps = new ArrayList<>();
        steps.add(new DemoStep("01-validate", "validate the deploy-specs", "push", List.of("validate", "--specs", specs)));
        steps.add(new DemoStep("02-deploy-v1", "push: deploy " + environment + " (image v1)", "push",
                List.of("deploy", "--specs", specs, "--env", environment, "--image-tag", "v1")));
        steps.add(new DemoStep("03-deploy-v2", "push: deploy " + environment + " (image v2)", "push",
                List.of("deploy", "--specs", specs, "--env", environment, "--image-tag", "v2")));
        steps.add(new DemoStep("04-plan", "pull request: plan image v3 with its cost", "pull_request",
                List.of("plan", "--specs", specs, "--env", environment, "--image-tag", "v3", "--at", noon)));
        steps.add(new DemoStep("05-schedule-night", "schedule: 23:00 " + scheduleZone + " stops " + environment, "schedule",
                List.of("schedule", "--specs", specs, "--env", environment, "--at", night)));
        steps.add(new DemoStep("06-schedule-morning", "schedule: 08:30 " + scheduleZone + " starts " + environment, "schedule",
                List.of("schedule", "--specs", specs, "--env", environment, "--at", morning)));
        steps.add(new DemoStep("07-stop", "by hand: stop " + environment, "workflow_dispatch",
                List.of("stop", "--specs", specs, "--env", environment)));
        steps.add(new DemoStep("08-start", "by hand: start " + environment, "workflow_dispatch",
                List.of("start", "--specs", specs, "--env", environment)));
        steps.add(new DemoStep("09-rollback", "workflow_dispatch: roll " + service + " back to the previous deploy",
                "workflow_dispatch", List.of("rollback", "--specs", specs, "--env", environment, "--service", service,
                        "--to", "previous")));
        steps.add(new DemoStep("10-cost", "cost: month to date, forecast, budget", "schedule",
                List.of("cost", "--specs", specs, "--env", environment, "--at", noon)));
        return List.copyOf(steps);
    }

    /** {@code today}, or the last Monday–Thursday before it, so the day after is a weekday too. */
    static LocalDate weekdayWithWeekdayAfter(LocalDate today) {
        LocalDate d = today;
        while (d.getDayOfWeek() == DayOfWeek.FRIDAY || d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }
}
