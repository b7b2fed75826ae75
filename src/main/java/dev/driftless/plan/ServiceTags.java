package dev.driftless.plan;

/**
 * The tags driftless keeps on each ECS service to remember what it deployed. Deploy writes them; plan
 * reads them to skip DescribeTaskDefinition for unchanged services and to tell drift (a change made
 * outside driftless) from a change in git.
 */
public final class ServiceTags {
    /** Hash of the rendered task definition driftless last deployed ({@link SpecHash}). */
    public static final String SPEC_HASH = "driftless:spec-hash";
    /** ARN of the task definition driftless last set on the service. */
    public static final String TASK_DEFINITION = "driftless:task-definition";
    /** Hash of the service settings (capacity, network, load balancers, deployment config) driftless last applied. */
    public static final String SETTINGS_HASH = "driftless:settings-hash";
    /** The desiredCount driftless last applied. */
    public static final String DESIRED_COUNT = "driftless:desired-count";
    /** The image URI driftless last deployed (what "keep the live image" keeps without a DescribeTaskDefinition). */
    public static final String IMAGE = "driftless:image";
    /**
     * What the deployed revision keeps that the spec does not model (field names, comma-separated, at most 256
     * characters); absent when it keeps nothing, so a later deploy knows whether it must read the live definition
     * to register those fields again.
     */
    public static final String CARRIED = "driftless:carried";
    /** The git commit the last deploy came from. */
    public static final String GIT_SHA = "driftless:git-sha";

    /** The autoscaling driftless last applied, as {@link #autoscaling(Autoscaling)} writes it. */
    public static final String AUTOSCALING = "driftless:autoscaling";
    /**
     * The environment's schedule driftless last deployed under, as {@link ScheduleText#tag} writes it. The
     * schedule needs no ECS change (the schedule command reads the spec), so this tag is how a plan tells
     * that the spec's schedule changed since.
     */
    public static final String SCHEDULE = "driftless:schedule";
    /**
     * Written by the schedule's stop (see engine.ScheduleTags): present while the service is scaled to
     * zero by its schedule, holding the desired count a start restores.
     */
    public static final String SCHEDULE_SAVED_DESIRED = "driftless:saved-desired-count";
    /** Written by the schedule's stop with {@link #SCHEDULE_SAVED_DESIRED}: the scalable target's min and max to restore. */
    public static final String SCHEDULE_SAVED_MIN = "driftless:saved-min";
    public static final String SCHEDULE_SAVED_MAX = "driftless:saved-max";

    /**
     * Written when Fargate Spot had no capacity for the service and driftless moved it to on-demand: the instant
     * it did (ISO-8601). A schedule, start or deploy after the environment's {@code capacity.fallbackFor} returns
     * the service to Spot and removes the tag.
     */
    public static final String CAPACITY_FALLBACK = "driftless:capacity-fallback";

    private ServiceTags() {
    }

    /** {@code min-max/cpu/memory}, a dash for a metric without a policy, e.g. {@code 1-3/60/-}; {@code none} without autoscaling. */
    public static String autoscaling(dev.driftless.spec.Autoscaling a) {
        if (a == null) {
            return "none";
        }
        return a.min() + "-" + a.max() + "/" + (a.cpuPercent() == null ? "-" : a.cpuPercent()) + "/"
                + (a.memoryPercent() == null ? "-" : a.memoryPercent());
    }

    /** The inverse of {@link #autoscaling(dev.driftless.spec.Autoscaling)}; empty for "none" or an unreadable value. */
    public static java.util.Optional<dev.driftless.spec.Autoscaling> parseAutoscaling(String value) {
        var m = java.util.regex.Pattern.compile("(\\d+)-(\\d+)/(\\d+|-)/(\\d+|-)").matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new dev.driftless.spec.Autoscaling(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3).equals("-") ? null : Integer.valueOf(m.group(3)),
                m.group(4).equals("-") ? null : Integer.valueOf(m.group(4))));
    }

    /** A non-negative integer tag value (a saved count, the desired count driftless applied), or empty. */
    public static java.util.Optional<Integer> count(java.util.Map<String, String> tags, String key) {
        String v = tags.get(key);
        try {
            int n = v == null ? -1 : Integer.parseInt(v.trim());
            return n < 0 ? java.util.Optional.empty() : java.util.Optional.of(n);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
