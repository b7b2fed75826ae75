package dev.driftless.spec;

import java.time.Duration;
import java.util.List;

/**
 * A service's deploy strategy (and each environment's override of it) as ECS accepts it: a known
 * strategy, settings only for the strategy that reads them, shares and waits in ECS's ranges, hook
 * stages from ECS's list, and for a strategy that shifts traffic, a load balancer with the alternate
 * target group, the production listener rule and the role ECS needs to move it.
 */
final class DeployRules implements SpecRule {
    /** ECS accepts bake and step waits of 0 to 1440 whole minutes. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1440);

    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.services().forEach((name, s) -> {
            String path = "services." + name;
            check(s.deploy(), s.loadBalancer(), path + ".deploy", path, "", problems);
            s.overrides().forEach((env, o) -> {
                if (o.deploy() != null) {
                    check(o.deploy(), s.loadBalancer(), path + ".overrides." + env + ".deploy", path, " in " + env,
                            problems);
                }
            });
            if (s.loadBalancer() != null && s.loadBalancer().advanced() && !shiftsAnywhere(s)) {
                problems.warning(path + ".loadBalancer", "alternateTargetGroupArn, listener rules and role are used "
                        + "only by a blue-green, canary or linear deploy; set deploy.strategy or remove them");
            }
        });
    }

    private static boolean shiftsAnywhere(ServiceSpec s) {
        return s.deploy().shiftsTraffic()
                || s.overrides().values().stream().anyMatch(o -> o.deploy() != null && o.deploy().shiftsTraffic());
    }

    private static void check(ServiceDeploy d, LoadBalancer lb, String path, String servicePath, String where,
            Problems problems) {
        if (!ServiceDeploy.STRATEGIES.contains(d.strategy())) {
            problems.error(path + ".strategy", "strategy '" + d.strategy() + "' is not one of "
                    + String.join(", ", ServiceDeploy.STRATEGIES) + DidYouMean.hint(d.strategy(), ServiceDeploy.STRATEGIES));
            return;
        }
        if (d.canary() != null && !ServiceDeploy.CANARY.equals(d.strategy())) {
            problems.error(path + ".canary", "canary settings need strategy: canary (the strategy is " + d.strategy()
                    + "); set the strategy or remove them");
        }
        if (d.linear() != null && !ServiceDeploy.LINEAR.equals(d.strategy())) {
            problems.error(path + ".linear", "linear settings need strategy: linear (the strategy is " + d.strategy()
                    + "); set the strategy or remove them");
        }
        if (d.canary() != null) {
            percent(d.canary().percent(), 0.1, path + ".canary.percent", "canary percent", problems);
            waitTime(d.canary().canaryWait(), path + ".canary.wait", problems);
        }
        if (d.linear() != null) {
            percent(d.linear().stepPercent(), 3.0, path + ".linear.stepPercent", "stepPercent", problems);
            waitTime(d.linear().stepWait(), path + ".linear.stepWait", problems);
        }
        waitTime(d.bakeTime(), path + ".bakeTime", problems);
        for (int i = 0; i < d.alarms().size(); i++) {
            String alarm = d.alarms().get(i);
            if (alarm.isBlank() || alarm.length() > 255) {
                problems.error(path + ".alarms[" + i + "]", "'" + alarm + "' is not a CloudWatch alarm name "
                        + "(1 to 255 characters)");
            }
        }
        if (d.deploysPerMonth() != null && d.deploysPerMonth() < 1) {
            problems.error(path + ".deploysPerMonth", "deploysPerMonth " + d.deploysPerMonth()
                    + " must be at least 1; leave it out to price the shift per deploy");
        }
        for (int i = 0; i < d.hooks().size(); i++) {
            List<String> stages = d.hooks().get(i).stages();
            String at = path + ".hooks[" + i + "].stages";
            if (stages.isEmpty()) {
                problems.error(at, "a hook needs at least one stage: " + String.join(", ", ServiceDeploy.HOOK_STAGES));
            }
            for (int j = 0; j < stages.size(); j++) {
                if (!ServiceDeploy.HOOK_STAGES.contains(stages.get(j))) {
                    problems.error(at + "[" + j + "]", "'" + stages.get(j) + "' is not a lifecycle stage ECS runs hooks "
                            + "at; use one of " + String.join(", ", ServiceDeploy.HOOK_STAGES)
                            + DidYouMean.hint(stages.get(j), ServiceDeploy.HOOK_STAGES));
                }
            }
        }
        if (!d.hooks().isEmpty() && (lb == null || lb.role() == null)) {
            problems.error(path + ".hooks", "lifecycle hooks need the infrastructure role ECS invokes them with"
                    + where + "; set " + servicePath + ".loadBalancer.role to a role that ECS can assume and that may call lambda:InvokeFunction");
        }
        if (d.shiftsTraffic()) {
            trafficShift(d, lb, path, servicePath, where, problems);
        }
    }

    private static void trafficShift(ServiceDeploy d, LoadBalancer lb, String path, String servicePath, String where,
            Problems problems) {
        String why = "a " + d.strategy() + " deploy" + where + " moves traffic between two target groups";
        if (lb == null) {
            problems.error(path + ".strategy", why + ", so the service needs a loadBalancer with targetGroupArn, "
                    + "alternateTargetGroupArn, productionListenerRule and role; add one, or use strategy: rolling");
            return;
        }
        String lbPath = servicePath + ".loadBalancer";
        if (lb.alternateTargetGroupArn() == null) {
            problems.error(lbPath, why + ": add alternateTargetGroupArn (the green target group, "
                    + "not " + shortTg(lb.targetGroupArn()) + ")");
        } else if (lb.alternateTargetGroupArn().equals(lb.targetGroupArn())) {
            problems.error(lbPath + ".alternateTargetGroupArn", "the alternate target group is the service's own "
                    + "target group; blue and green need two different target groups");
        }
        if (lb.productionListenerRule() == null) {
            problems.error(lbPath, why + ": add productionListenerRule (the listener rule whose weights ECS shifts)");
        }
        if (lb.role() == null) {
            problems.error(lbPath, why + ": add role (the infrastructure role ECS assumes to change the listener "
                    + "rules, e.g. one with the AmazonECSInfrastructureRolePolicyForLoadBalancers policy)");
        }
    }

    private static String shortTg(String arn) {
        return arn == null ? "the service's own" : arn.substring(arn.indexOf("targetgroup/") + "targetgroup/".length());
    }

    private static void percent(Double value, double min, String path, String what, Problems problems) {
        if (value == null) {
            return;
        }
        if (value < min || value > 100) {
            problems.error(path, what + " " + format(value) + " is outside what ECS accepts (" + format(min)
                    + " to 100)");
        } else if (Math.abs(value * 10 - Math.rint(value * 10)) > 1e-9) {
            problems.error(path, what + " " + value + " must be a multiple of 0.1, e.g. " + Math.rint(value * 10) / 10);
        }
    }

    private static void waitTime(Duration d, String path, Problems problems) {
        if (d == null) {
            return;
        }
        if (d.toSecondsPart() != 0 || d.compareTo(MAX_WAIT) > 0) {
            problems.error(path, Durations.format(d) + " is not what ECS accepts: whole minutes from 0m to 24h");
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
