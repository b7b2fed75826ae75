package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/**
 * The field names RegisterTaskDefinition and ContainerDefinition take, as the AWS SDK's model names them
 * (a test holds these lists equal to the SDK's {@code sdkFields()}), and which of them driftless already types.
 * An {@code extra} key must be one of the untyped ones, so a typo or a field driftless owns is an error,
 * never a silent drop or a fight over one value.
 */
public final class EcsFieldNames {
    /** RegisterTaskDefinitionRequest's fields. */
    public static final List<String> TASK_DEFINITION = List.of("family", "taskRoleArn", "executionRoleArn",
            "networkMode", "containerDefinitions", "volumes", "placementConstraints", "requiresCompatibilities", "cpu",
            "memory", "tags", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage",
            "runtimePlatform", "enableFaultInjection");

    /** ContainerDefinition's fields. */
    public static final List<String> CONTAINER = List.of("name", "image", "repositoryCredentials", "cpu", "memory",
            "memoryReservation", "links", "portMappings", "essential", "restartPolicy", "entryPoint", "command",
            "environment", "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters", "secrets", "dependsOn",
            "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user", "workingDirectory",
            "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains", "extraHosts",
            "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration",
            "healthCheck", "systemControls", "resourceRequirements", "firelensConfiguration", "credentialSpecs");

    /** Task fields driftless renders itself, and the spec field that sets each. */
    public static final Map<String, String> TYPED_TASK = Map.ofEntries(
            Map.entry("family", "the family is <application>-<environment>-<service>"),
            Map.entry("taskRoleArn", "roles.task"),
            Map.entry("executionRoleArn", "roles.execution"),
            Map.entry("networkMode", "Fargate always uses awsvpc"),
            Map.entry("containerDefinitions", "the service's fields and its sidecars"),
            Map.entry("volumes", "services.<name>.volumes"),
            Map.entry("requiresCompatibilities", "driftless runs on Fargate"),
            Map.entry("cpu", "services.<name>.cpu"),
            Map.entry("memory", "services.<name>.memory"),
            Map.entry("tags", "the spec's tags"),
            Map.entry("ephemeralStorage", "services.<name>.ephemeralStorage"),
            Map.entry("runtimePlatform", "services.<name>.runtimePlatform"));

    /** Container fields driftless renders itself, and the spec field that sets each. */
    public static final Map<String, String> TYPED_CONTAINER = Map.ofEntries(
            Map.entry("name", "the service's or sidecar's name"),
            Map.entry("image", "image"),
            Map.entry("cpu", "cpu"),
            Map.entry("memory", "memory"),
            Map.entry("memoryReservation", "memoryReservation"),
            Map.entry("portMappings", "port"),
            Map.entry("essential", "essential"),
            Map.entry("entryPoint", "entryPoint"),
            Map.entry("command", "command"),
            Map.entry("environment", "environment"),
            Map.entry("secrets", "secrets"),
            Map.entry("mountPoints", "mountPoints"),
            Map.entry("dependsOn", "dependsOn"),
            Map.entry("stopTimeout", "stopTimeout"),
            Map.entry("user", "user"),
            Map.entry("readonlyRootFilesystem", "readonlyRootFilesystem"),
            Map.entry("ulimits", "ulimits"),
            Map.entry("logConfiguration", "logging"),
            Map.entry("healthCheck", "healthCheck"),
            Map.entry("firelensConfiguration", "firelens"),
            Map.entry("linuxParameters", "linuxParameters"));

    private EcsFieldNames() {
    }
}
