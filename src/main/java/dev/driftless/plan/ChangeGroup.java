package dev.driftless.plan;

/** What a change is about, in the order a plan lists them. */
public enum ChangeGroup {
    CREATE("create"),
    IMAGE("image"),
    CPU_MEMORY("cpu/memory"),
    ENVIRONMENT("environment"),
    SECRETS("secrets"),
    TASK_DEFINITION("task definition"),
    DESIRED_COUNT("desired count"),
    CAPACITY("capacity strategy"),
    NETWORK("network"),
    LOAD_BALANCER("load balancer"),
    DEPLOYMENT("deployment settings"),
    AUTOSCALING("autoscaling"),
    SCHEDULE("schedule"),
    /** The deployment tags on the service name another revision than the one it runs (a run stopped before tagging). */
    METADATA("deployment metadata");

    private final String label;

    ChangeGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
