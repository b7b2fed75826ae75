package dev.driftless.spec;

/**
 * The target group a service registers with and, for a traffic-shifting deploy strategy, what ECS moves
 * traffic with: the alternate (green) target group, the listener rules and the infrastructure role.
 *
 * @param alternateTargetGroupArn the green target group; null for rolling deploys
 * @param productionListenerRule the listener rule whose forward weights ECS shifts
 * @param testListenerRule the listener rule that sends test traffic to green before production moves; optional
 * @param role the infrastructure role ECS assumes to change the listener rules (and to call lifecycle hooks)
 */
public record LoadBalancer(String targetGroupArn, int containerPort, String alternateTargetGroupArn,
        String productionListenerRule, String testListenerRule, String role) {

    public LoadBalancer(String targetGroupArn, int containerPort) {
        this(targetGroupArn, containerPort, null, null, null, null);
    }

    /** Whether any of the blue/green fields is set. */
    public boolean advanced() {
        return alternateTargetGroupArn != null || productionListenerRule != null || testListenerRule != null
                || role != null;
    }
}
