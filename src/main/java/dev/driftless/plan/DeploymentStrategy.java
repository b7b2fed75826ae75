package dev.driftless.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.driftless.spec.Durations;
import dev.driftless.spec.ServiceDeploy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's deployment strategy in the shape ECS's {@code deploymentConfiguration} has it: the strategy
 * name ECS uses, whole minutes, shares in percent. Null fields are left to ECS (its defaults) and are not
 * compared. A service on ECS's plain rolling strategy without alarms, bake time or hooks has no strategy
 * at all ({@link ServiceSettings#deployment()} is null), so its settings hash is what it was before
 * strategies existed.
 *
 * @param strategy ROLLING, BLUE_GREEN, CANARY or LINEAR
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentStrategy(String strategy, Integer bakeTimeMinutes, Double canaryPercent,
        Integer canaryWaitMinutes, Double stepPercent, Integer stepWaitMinutes, List<String> alarms, List<Hook> hooks) {

    public static final String ROLLING = "ROLLING";
    public static final String BLUE_GREEN = "BLUE_GREEN";
    public static final String CANARY = "CANARY";
    public static final String LINEAR = "LINEAR";

    /** ECS's canary defaults (CanaryConfiguration): 5% for 10 minutes. */
    static final double DEFAULT_CANARY_PERCENT = 5.0;
    static final int DEFAULT_CANARY_MINUTES = 10;

    public DeploymentStrategy {
        strategy = strategy == null ? ROLLING : strategy;
        alarms = alarms == null ? List.of() : alarms.stream().sorted().toList();
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    /** A Lambda function ECS calls at these stages, with the role it calls it with. */
    public record Hook(String lambda, String role, List<String> stages) {
        public Hook {
            stages = List.copyOf(stages);
        }
    }

    /** The spec's deploy block as ECS takes it; null for plain rolling. */
    public static DeploymentStrategy of(ServiceDeploy d, String role) {
        if (d == null || (!d.shiftsTraffic() && d.bakeTime() == null && d.alarms().isEmpty() && d.hooks().isEmpty())) {
            return null;
        }
        String strategy = d.strategy().toUpperCase(Locale.ROOT).replace('-', '_');
        Double canaryPercent = null;
        Integer canaryWait = null;
        if (CANARY.equals(strategy)) {
            // sent explicitly, so the plan can say what ECS will do and a later read compares equal
            canaryPercent = d.canary() == null || d.canary().percent() == null ? DEFAULT_CANARY_PERCENT : d.canary().percent();
            canaryWait = d.canary() == null || d.canary().canaryWait() == null ? DEFAULT_CANARY_MINUTES
                    : minutes(d.canary().canaryWait());
        }
        Double step = d.linear() == null ? null : d.linear().stepPercent();
        Integer stepWait = d.linear() == null ? null : minutes(d.linear().stepWait());
        List<Hook> hooks = d.hooks().stream().map(h -> new Hook(h.lambda(), role, h.stages())).toList();
        return new DeploymentStrategy(strategy, minutes(d.bakeTime()), canaryPercent, canaryWait, step, stepWait,
                d.alarms(), hooks);
    }

    /** The inverse of {@link #of}, for pricing a live strategy like a spec's. */
    public static ServiceDeploy toSpec(DeploymentStrategy s, Integer deploysPerMonth) {
        if (s == null) {
            return new ServiceDeploy(ServiceDeploy.ROLLING, null, null, null, List.of(), List.of(), deploysPerMonth);
        }
        return new ServiceDeploy(s.strategy().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.bakeTimeMinutes() == null ? null : Duration.ofMinutes(s.bakeTimeMinutes()),
                s.canaryPercent() == null && s.canaryWaitMinutes() == null ? null : new ServiceDeploy.Canary(s.canaryPercent(),
                        s.canaryWaitMinutes() == null ? null : Duration.ofMinutes(s.canaryWaitMinutes())),
                s.stepPercent() == null && s.stepWaitMinutes() == null ? null : new ServiceDeploy.Linear(s.stepPercent(),
                        s.stepWaitMinutes() == null ? null : Duration.ofMinutes(s.stepWaitMinutes())),
                s.alarms(), List.of(), deploysPerMonth);
    }

    public boolean shiftsTraffic() {
        return !ROLLING.equals(strategy);
    }

    /**
     * This live strategy with what {@code desired} leaves to ECS taken out, so ECS's defaults are not
     * reported as changes; null (plain rolling) stays null.
     */
    public static DeploymentStrategy comparableTo(DeploymentStrategy live, DeploymentStrategy desired) {
        if (live == null) {
            return null;
        }
        DeploymentStrategy want = desired == null ? new DeploymentStrategy(ROLLING, null, null, null, null, null, null, null)
                : desired;
        DeploymentStrategy masked = new DeploymentStrategy(live.strategy(),
                want.bakeTimeMinutes() == null ? null : live.bakeTimeMinutes(),
                want.canaryPercent() == null ? null : live.canaryPercent(),
                want.canaryWaitMinutes() == null ? null : live.canaryWaitMinutes(),
                want.stepPercent() == null ? null : live.stepPercent(),
                want.stepWaitMinutes() == null ? null : live.stepWaitMinutes(),
                live.alarms(), live.hooks());
        return masked.isPlainRolling() ? null : masked;
    }

    boolean isPlainRolling() {
        return ROLLING.equals(strategy) && bakeTimeMinutes == null && alarms.isEmpty() && hooks.isEmpty();
    }

    /** "canary 10% for 5m, then all; bake 10m; rollback on alarms api-5xx, api-p99". */
    public static String words(DeploymentStrategy s) {
        if (s == null) {
            return "rolling";
        }
        List<String> parts = new ArrayList<>();
        parts.add(switch (s.strategy()) {
            case BLUE_GREEN -> "blue/green, all traffic at once";
            case CANARY -> "canary " + percent(s.canaryPercent()) + " for " + wait(s.canaryWaitMinutes()) + ", then all";
            case LINEAR -> "linear " + percent(s.stepPercent()) + " every " + wait(s.stepWaitMinutes());
            case ROLLING -> "rolling";
            default -> s.strategy().toLowerCase(Locale.ROOT);
        });
        if (s.bakeTimeMinutes() != null) {
            parts.add("bake " + wait(s.bakeTimeMinutes()));
        }
        if (!s.alarms().isEmpty()) {
            parts.add("rollback on alarm" + (s.alarms().size() == 1 ? " " : "s ") + String.join(", ", s.alarms()));
        }
        return String.join("; ", parts);
    }

    /** "smoke-test at PRE_SCALE_UP, POST_TEST_TRAFFIC_SHIFT", one per hook; null without hooks. */
    static String hookWords(DeploymentStrategy s) {
        if (s == null || s.hooks().isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Hook h : s.hooks()) {
            String fn = h.lambda() == null ? "?" : h.lambda().substring(h.lambda().lastIndexOf(':') + 1);
            out.add(fn + " at " + String.join(", ", h.stages()));
        }
        return String.join("; ", out);
    }

    private static String percent(Double p) {
        if (p == null) {
            return "ECS's default share";
        }
        return (p == Math.rint(p) ? String.valueOf(p.longValue()) : String.valueOf(p)) + "%";
    }

    private static String wait(Integer minutes) {
        return minutes == null ? "ECS's default wait" : Durations.format(Duration.ofMinutes(minutes));
    }

    private static Integer minutes(Duration d) {
        return d == null ? null : (int) d.toMinutes();
    }
}
