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

    /** The kind of value an ECS field takes at its top level, as YAML writes it. */
    public enum Shape {
        TEXT("a text"), WHOLE_NUMBER("a whole number"), TRUE_OR_FALSE("true or false"), LIST("a list"),
        MAPPING("a mapping");

        private final String words;

        Shape(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Whether a value as the YAML loader gives it has this shape. */
        public boolean fits(Object value) {
            return switch (this) {
                case TEXT -> value instanceof String;
                case WHOLE_NUMBER -> value instanceof Integer || value instanceof Long
                        || value instanceof java.math.BigInteger;
                case TRUE_OR_FALSE -> value instanceof Boolean;
                case LIST -> value instanceof List<?>;
                case MAPPING -> value instanceof Map<?, ?>;
            };
        }

        /** How a value the spec wrote reads in a message. */
        public static String of(Object value) {
            for (Shape s : values()) {
                if (s.fits(value)) {
                    return s.words;
                }
            }
            return value == null ? "nothing (null)" : value instanceof Number ? "a number with a fraction" : "a value";
        }
    }

    /**
     * The shape of each field {@code extra} may set (the untyped ones), by the SDK model's marshalling type
     * (a test holds this equal to the model): ECS refuses, or the SDK cannot carry, any other shape.
     */
    public static final Map<String, Shape> TASK_SHAPES = Map.of(
            "placementConstraints", Shape.LIST, "pidMode", Shape.TEXT, "ipcMode", Shape.TEXT,
            "proxyConfiguration", Shape.MAPPING, "inferenceAccelerators", Shape.LIST,
            "enableFaultInjection", Shape.TRUE_OR_FALSE);

    /** The shape of each container field {@code extra} may set; see {@link #TASK_SHAPES}. */
    public static final Map<String, Shape> CONTAINER_SHAPES = Map.ofEntries(
            Map.entry("repositoryCredentials", Shape.MAPPING), Map.entry("links", Shape.LIST),
            Map.entry("restartPolicy", Shape.MAPPING), Map.entry("environmentFiles", Shape.LIST),
            Map.entry("volumesFrom", Shape.LIST), Map.entry("startTimeout", Shape.WHOLE_NUMBER),
            Map.entry("versionConsistency", Shape.TEXT), Map.entry("hostname", Shape.TEXT),
            Map.entry("workingDirectory", Shape.TEXT), Map.entry("disableNetworking", Shape.TRUE_OR_FALSE),
            Map.entry("privileged", Shape.TRUE_OR_FALSE), Map.entry("dnsServers", Shape.LIST),
            Map.entry("dnsSearchDomains", Shape.LIST), Map.entry("extraHosts", Shape.LIST),
            Map.entry("dockerSecurityOptions", Shape.LIST), Map.entry("interactive", Shape.TRUE_OR_FALSE),
            Map.entry("pseudoTerminal", Shape.TRUE_OR_FALSE), Map.entry("dockerLabels", Shape.MAPPING),
            Map.entry("systemControls", Shape.LIST), Map.entry("resourceRequirements", Shape.LIST),
            Map.entry("credentialSpecs", Shape.LIST));

    private EcsFieldNames() {
    }
}
