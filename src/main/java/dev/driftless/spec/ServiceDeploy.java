package dev.driftless.spec;

import java.time.Duration;
import java.util.List;

/**
 * How ECS rolls out a new revision of one service ({@code services.<name>.deploy}): its own
 * strategies, run by ECS without CodeDeploy. {@code rolling} is what ECS did before (and the default);
 * the others shift load-balancer traffic from the running revision (blue) to the new one (green).
 *
 * @param strategy rolling, blue-green, canary or linear
 * @param bakeTime how long ECS keeps blue after all traffic reached green, ready to roll back; null: ECS's default
 * @param canary the canary share and wait; null unless the strategy is canary (then ECS's defaults)
 * @param linear the step share and wait; null unless the strategy is linear
 * @param alarms CloudWatch alarm names; ECS rolls the deployment back when one goes to ALARM
 * @param hooks Lambda functions ECS calls at lifecycle stages
 * @param deploysPerMonth expected deploys a month, to price the extra tasks a shift and bake run; null: priced per deploy
 */
public record ServiceDeploy(String strategy, Duration bakeTime, Canary canary, Linear linear, List<String> alarms,
        List<Hook> hooks, Integer deploysPerMonth) {

    public static final String ROLLING = "rolling";
    public static final String BLUE_GREEN = "blue-green";
    public static final String CANARY = "canary";
    public static final String LINEAR = "linear";
    public static final List<String> STRATEGIES = List.of(ROLLING, BLUE_GREEN, CANARY, LINEAR);

    /**
     * The stages a lifecycle hook may run at: ECS's {@code DeploymentLifecycleHookStage} (a test holds this
     * list to the SDK's enum).
     */
    public static final List<String> HOOK_STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP",
            "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
            "POST_PRODUCTION_TRAFFIC_SHIFT");

    public static final ServiceDeploy DEFAULT = new ServiceDeploy(ROLLING, null, null, null, List.of(), List.of(), null);

    public ServiceDeploy {
        strategy = strategy == null ? ROLLING : strategy;
        alarms = Maps.copy(alarms);
        hooks = Maps.copy(hooks);
    }

    /** Blue/green, canary and linear move traffic between two target groups; rolling replaces tasks in place. */
    public boolean shiftsTraffic() {
        return !ROLLING.equals(strategy);
    }

    /**
     * @param percent share of production traffic on green during the canary phase (0.1 to 100)
     * @param canaryWait how long the canary runs (the spec's {@code wait}) before the rest of the traffic moves
     */
    public record Canary(Double percent, Duration canaryWait) {
    }

    /**
     * @param stepPercent share of production traffic moved per step (3 to 100)
     * @param stepWait the wait after each step
     */
    public record Linear(Double stepPercent, Duration stepWait) {
    }

    /**
     * @param lambda the function's ARN
     * @param stages {@link #HOOK_STAGES} it runs at
     */
    public record Hook(String lambda, List<String> stages) {
        public Hook {
            stages = Maps.copy(stages);
        }
    }
}
