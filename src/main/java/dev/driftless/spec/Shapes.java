package dev.driftless.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names each object of a deploy-spec accepts, by the name its definition has in
 * {@code schema/deploy-spec.schema.json} ({@code $defs}). The binder rejects any other key, and a test
 * holds the schema to exactly these lists, so editor completion and {@code validate} never disagree.
 */
public final class Shapes {
    public static final String APPLICATION = "Application";
    public static final String ENVIRONMENT = "Environment";
    public static final String NETWORK = "Network";
    public static final String SCHEDULE = "Schedule";
    public static final String WINDOW = "Window";
    public static final String MIXED_CAPACITY = "MixedCapacity";
    public static final String SERVICE = "Service";
    public static final String PORT = "Port";
    public static final String IMAGE = "Image";
    public static final String BUILD = "Build";
    public static final String SCAN = "Scan";
    public static final String LIFECYCLE = "Lifecycle";
    public static final String HEALTH_CHECK = "HealthCheck";
    public static final String LOAD_BALANCER = "LoadBalancer";
    public static final String AUTOSCALING = "Autoscaling";
    public static final String OVERRIDE = "Override";
    public static final String SERVICE_DEPLOY = "ServiceDeploy";
    public static final String CANARY = "Canary";
    public static final String LINEAR = "Linear";
    public static final String HOOK = "Hook";
    public static final String BUDGET = "Budget";
    public static final String COST = "Cost";
    public static final String FIXED_COST = "FixedCost";
    public static final String PRICES = "Prices";
    public static final String TRACKER = "Tracker";
    public static final String DEPLOY = "Deploy";
    public static final String ROLES = "Roles";
    public static final String LOGS = "Logs";
    public static final String TEST = "Test";
    public static final String SIDECAR = "Sidecar";
    public static final String DEPENDENCY = "Dependency";
    public static final String FIRELENS = "FireLens";
    public static final String MOUNT_POINT = "MountPoint";
    public static final String ULIMIT = "Ulimit";
    public static final String LINUX_PARAMETERS = "LinuxParameters";
    public static final String VOLUME = "Volume";
    public static final String EFS = "Efs";
    public static final String TASK_DEFINITION = "TaskDefinition";
    public static final String TASK = "Task";

    private static final Map<String, List<String>> FIELDS = build();

    private Shapes() {
    }

    /** Every object shape and its fields, in the order the reference documents them. */
    public static Map<String, List<String>> all() {
        return FIELDS;
    }

    public static List<String> fields(String shape) {
        List<String> f = FIELDS.get(shape);
        if (f == null) {
            throw new IllegalArgumentException("no shape " + shape);
        }
        return f;
    }

    private static Map<String, List<String>> build() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(APPLICATION, List.of("apiVersion", "kind", "name", "account", "region", "tags", "budget", "cost",
                "tracker", "deploy", "environments", "services", "roles", "logs", "test", "tasks"));
        m.put(ENVIRONMENT, List.of("cluster", "role", "capacity", "network", "schedule", "timeout", "url"));
        m.put(NETWORK, List.of("subnets", "securityGroups", "publicIp"));
        m.put(SCHEDULE, List.of("timezone", "running"));
        m.put(WINDOW, List.of("days", "from", "to"));
        m.put(MIXED_CAPACITY, List.of("spot", "onDemand", "base", "fallbackFor"));
        m.put(SERVICE, List.of("image", "cpu", "memory", "architecture", "port", "command", "environment", "secrets",
                "healthCheck", "loadBalancer", "desiredCount", "autoscaling", "overrides", "deploy", "runtimePlatform",
                "ephemeralStorage", "volumes", "mountPoints", "readonlyRootFilesystem", "stopTimeout", "user", "ulimits",
                "linuxParameters", "enableExecuteCommand", "dependsOn", "logging", "sidecars", "taskDefinition",
                "containerExtra", "taskFamily", "containerName", "ports", "logOptions", "roles"));
        m.put(PORT, List.of("containerPort", "protocol", "name", "appProtocol"));
        m.put(SIDECAR, List.of("image", "essential", "cpu", "memory", "memoryReservation", "port", "environment",
                "secrets", "command", "entryPoint", "healthCheck", "dependsOn", "firelens", "logging", "mountPoints",
                "readonlyRootFilesystem", "stopTimeout", "user", "ulimits", "linuxParameters", "extra", "logOptions"));
        m.put(DEPENDENCY, List.of("container", "condition"));
        m.put(FIRELENS, List.of("type", "options"));
        m.put(MOUNT_POINT, List.of("sourceVolume", "containerPath", "readOnly"));
        m.put(ULIMIT, List.of("name", "softLimit", "hardLimit"));
        m.put(LINUX_PARAMETERS, List.of("initProcessEnabled"));
        m.put(VOLUME, List.of("efs"));
        m.put(EFS, List.of("fileSystemId", "rootDirectory", "accessPointId", "transitEncryption", "iam"));
        m.put(TASK_DEFINITION, List.of("extra"));
        m.put(TASK, List.of("service", "command", "environment", "cpu", "memory", "timeout"));
        m.put(IMAGE, List.of("repository", "build", "scan", "immutableTags", "lifecycle", "encryption", "kmsKey"));
        m.put(BUILD, List.of("context", "dockerfile", "args", "platform"));
        m.put(SCAN, List.of("failOn"));
        m.put(LIFECYCLE, List.of("keepTagged", "untaggedDays"));
        m.put(HEALTH_CHECK, List.of("command", "interval", "timeout", "retries", "startPeriod"));
        m.put(LOAD_BALANCER, List.of("targetGroupArn", "containerPort", "alternateTargetGroupArn",
                "productionListenerRule", "testListenerRule", "role"));
        m.put(AUTOSCALING, List.of("min", "max", "cpuPercent", "memoryPercent"));
        m.put(OVERRIDE, List.of("cpu", "memory", "desiredCount", "environment", "secrets", "autoscaling", "deploy"));
        m.put(SERVICE_DEPLOY, List.of("strategy", "bakeTime", "canary", "linear", "alarms", "hooks", "deploysPerMonth"));
        m.put(CANARY, List.of("percent", "wait"));
        m.put(LINEAR, List.of("stepPercent", "stepWait"));
        m.put(HOOK, List.of("lambda", "stages"));
        m.put(BUDGET, List.of("monthlyUsd", "alerts", "environments"));
        m.put(COST, List.of("tag", "fixed", "prices"));
        m.put(FIXED_COST, List.of("name", "monthlyUsd", "environment"));
        m.put(PRICES, List.of("vcpuHour", "gbHour", "spotVcpuHour", "spotGbHour", "storageGbHour"));
        m.put(TRACKER, List.of("path", "branch", "checklist", "history"));
        m.put(DEPLOY, List.of("timeout", "retain", "before"));
        m.put(ROLES, List.of("execution", "task"));
        m.put(LOGS, List.of("group", "retentionDays"));
        m.put(TEST, List.of("commands", "reports", "timeout", "inImage"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
