package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerRulesTest {
    private static final String ROUTER = "{image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4', "
            + "memoryReservation: 64, firelens: {type: fluentbit}}";
    private static final String INIT = "{image: 'public.ecr.aws/docker/library/busybox:1.36', command: [sh, -c, 'true']}";

    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("log router and init container", s -> s.set("services.api.sidecars",
                                "{log-router: " + ROUTER + ", init: " + INIT + "}")
                        .set("services.api.logging", "firelens")
                        .set("services.api.dependsOn", "[{container: init, condition: SUCCESS}]")),
                valid("sidecar from an ECR repository", s -> s.set("services.api.sidecars",
                        "{agent: {image: {repository: app-agent, build: {context: agent}}, cpu: 64, memory: 128}}")),
                error("sidecar named like the main container", s -> s.set("services.api.sidecars", "{api: " + INIT + "}"),
                        "services.api.sidecars.api", "container names in a task are unique"),
                error("sidecar name ECS refuses", s -> s.set("services.api.sidecars", "{'log.router': " + INIT + "}"),
                        "services.api.sidecars.log.router", "not a legal ECS container name"),
                error("dependsOn a container that does not exist", s -> s.set("services.api.sidecars", "{init: " + INIT + "}")
                                .set("services.api.dependsOn", "[{container: inti, condition: SUCCESS}]"),
                        "services.api.dependsOn[0].container", "did you mean 'init'?"),
                error("dependsOn itself", s -> s.set("services.api.dependsOn", "[{container: api}]"),
                        "services.api.dependsOn[0].container", "depends on itself"),
                error("condition misspelt", s -> s.set("services.api.sidecars", "{init: " + INIT + "}")
                                .set("services.api.dependsOn", "[{container: init, condition: SUCCES}]"),
                        "services.api.dependsOn[0].condition", "did you mean 'SUCCESS'?"),
                error("dependsOn cycle", s -> s.set("services.api.sidecars", "{a: {image: 'busybox:1', dependsOn: "
                                + "[{container: b}]}, b: {image: 'busybox:1', dependsOn: [{container: api}]}}")
                                .set("services.api.dependsOn", "[{container: a}]"),
                        "services.api.dependsOn", "api → a → b → api"),
                error("HEALTHY without a health check", s -> s.set("services.api.sidecars", "{init: " + INIT + "}")
                                .set("services.api.dependsOn", "[{container: init, condition: HEALTHY}]"),
                        "services.api.dependsOn[0].condition", "needs a health check on 'init'"),
                valid("HEALTHY with a health check", s -> s.set("services.api.sidecars", "{proxy: {image: 'envoy:1', "
                                + "healthCheck: {command: [CMD-SHELL, 'curl -f localhost:9901/ready']}}}")
                        .set("services.api.dependsOn", "[{container: proxy, condition: HEALTHY}]")),
                error("SUCCESS on an essential sidecar", s -> s.set("services.api.sidecars",
                                "{init: {image: 'busybox:1', essential: true}}")
                                .set("services.api.dependsOn", "[{container: init, condition: SUCCESS}]"),
                        "services.api.dependsOn[0].condition", "make it essential: false"),
                error("sidecars take all the CPU", s -> s.set("services.api.sidecars", "{agent: {image: 'a:1', cpu: 256}}"),
                        "services.api.sidecars", "leaving nothing for the main container"),
                error("sidecars take all the memory in one environment", s -> s
                                .set("services.api.cpu", "512").set("services.api.memory", "2048")
                                .set("services.api.overrides", "{dev: {cpu: 256, memory: 512}}")
                                .set("services.api.sidecars", "{agent: {image: 'a:1', memory: 512}}"),
                        "services.api.sidecars", "512 MiB in dev"),
                error("two FireLens routers", s -> s.set("services.api.sidecars", "{r1: " + ROUTER + ", r2: " + ROUTER + "}"),
                        "services.api.sidecars.r2.firelens", "at most one FireLens log router"),
                error("firelens logging without a router", s -> s.set("services.api.logging", "firelens"),
                        "services.api.logging", "no sidecar has 'firelens'"),
                error("logging misspelt", s -> s.set("services.api.logging", "awslog"),
                        "services.api.logging", "did you mean 'awslogs'?"),
                error("firelens type misspelt", s -> s.set("services.api.sidecars",
                                "{r: {image: 'fb:1', firelens: {type: fluentbt}}}"),
                        "services.api.sidecars.r.firelens.type", "did you mean 'fluentbit'?"),
                error("memoryReservation above memory", s -> s.set("services.api.sidecars",
                                "{r: {image: 'fb:1', memory: 64, memoryReservation: 128}}"),
                        "services.api.sidecars.r.memoryReservation", "above memory 64 MiB"),
                valid("EFS volume with access point and a bind mount", s -> s
                        .set("services.api.volumes", "{data: {efs: {fileSystemId: fs-0123456789abcdef0, "
                                + "accessPointId: fsap-0123456789abcdef0, transitEncryption: true, iam: true}}, scratch: }")
                        .set("services.api.mountPoints", "[{sourceVolume: data, containerPath: /data}, "
                                + "{sourceVolume: scratch, containerPath: /tmp, readOnly: false}]")),
                error("access point without transit encryption", s -> s.set("services.api.volumes",
                                "{data: {efs: {fileSystemId: fs-0123456789abcdef0, accessPointId: fsap-0123456789abcdef0}}}"),
                        "services.api.volumes.data.efs.transitEncryption", "set it"),
                error("mount of an undeclared volume", s -> s.set("services.api.volumes", "{data: }")
                                .set("services.api.mountPoints", "[{sourceVolume: dta, containerPath: /data}]"),
                        "services.api.mountPoints[0].sourceVolume", "did you mean 'data'?"),
                error("relative container path", s -> s.set("services.api.volumes", "{data: }")
                                .set("services.api.mountPoints", "[{sourceVolume: data, containerPath: data}]"),
                        "services.api.mountPoints[0].containerPath", "must be absolute"),
                error("ephemeral storage below the free amount", s -> s.set("services.api.ephemeralStorage", "10"),
                        "services.api.ephemeralStorage", "21 to 200"),
                error("stopTimeout above Fargate's", s -> s.set("services.api.stopTimeout", "300"),
                        "services.api.stopTimeout", "2 to 120"),
                error("ulimit soft above hard", s -> s.set("services.api.ulimits", "[{name: nofile, softLimit: 9, hardLimit: 8}]"),
                        "services.api.ulimits[0].softLimit", "above hardLimit 8"),
                valid("runtimePlatform arm64 with task settings", s -> s.set("services.api.runtimePlatform", "arm64")
                        .set("services.api.ephemeralStorage", "40").set("services.api.readonlyRootFilesystem", "true")
                        .set("services.api.user", "1000").set("services.api.stopTimeout", "60")
                        .set("services.api.linuxParameters", "{initProcessEnabled: true}")
                        .set("services.api.enableExecuteCommand", "true")),
                error("runtimePlatform misspelt", s -> s.set("services.api.runtimePlatform", "arm46"),
                        "services.api.runtimePlatform", "did you mean 'arm64'?"),
                error("runtimePlatform and architecture", s -> s.set("services.api.runtimePlatform", "arm64")
                                .set("services.api.architecture", "ARM64"),
                        "services.api.runtimePlatform", "keep one"),
                valid("task extra ECS knows", s -> s.set("services.api.taskDefinition", "{extra: {pidMode: task}}")),
                error("task extra misspelt", s -> s.set("services.api.taskDefinition", "{extra: {pidMod: task}}"),
                        "services.api.taskDefinition.extra.pidMod", "did you mean 'pidMode'?"),
                error("task extra a typed field", s -> s.set("services.api.taskDefinition", "{extra: {cpu: '512'}}"),
                        "services.api.taskDefinition.extra.cpu", "services.<name>.cpu"),
                valid("container extra ECS knows", s -> s.set("services.api.containerExtra",
                        "{dockerLabels: {team: core}, workingDirectory: /app}")),
                error("container extra misspelt", s -> s.set("services.api.containerExtra", "{dockerLabel: {team: core}}"),
                        "services.api.containerExtra.dockerLabel", "did you mean 'dockerLabels'?"),
                error("sidecar extra a typed field", s -> s.set("services.api.sidecars",
                                "{r: {image: 'fb:1', extra: {essential: true}}}"),
                        "services.api.sidecars.r.extra.essential", "set it there, not in extra"),
                // values of the wrong shape: caught here with the key, the value's shape and ECS's, not at RegisterTaskDefinition
                error("task extra a list where ECS takes a text", s -> s.set("services.api.taskDefinition",
                                "{extra: {pidMode: [task]}}"),
                        "services.api.taskDefinition.extra.pidMode", "'pidMode' is a list here; ECS takes a text"),
                error("task extra a text where ECS takes a mapping", s -> s.set("services.api.taskDefinition",
                                "{extra: {proxyConfiguration: APPMESH}}"),
                        "services.api.taskDefinition.extra.proxyConfiguration", "is a text here; ECS takes a mapping"),
                error("task extra a text where ECS takes true or false", s -> s.set("services.api.taskDefinition",
                                "{extra: {enableFaultInjection: 'yes'}}"),
                        "services.api.taskDefinition.extra.enableFaultInjection", "is a text here; ECS takes true or false"),
                error("task extra a mapping where ECS takes a list", s -> s.set("services.api.taskDefinition",
                                "{extra: {placementConstraints: {type: memberOf}}}"),
                        "services.api.taskDefinition.extra.placementConstraints", "is a mapping here; ECS takes a list"),
                error("container extra a text where ECS takes a mapping", s -> s.set("services.api.containerExtra",
                                "{dockerLabels: team}"),
                        "services.api.containerExtra.dockerLabels", "'dockerLabels' is a text here; ECS takes a mapping"),
                error("container extra a quoted number", s -> s.set("services.api.containerExtra",
                                "{startTimeout: '30'}"),
                        "services.api.containerExtra.startTimeout", "is a text here; ECS takes a whole number"),
                error("container extra a fraction", s -> s.set("services.api.containerExtra",
                                "{startTimeout: 1.5}"),
                        "services.api.containerExtra.startTimeout", "is a number with a fraction here; ECS takes a whole number"),
                error("sidecar extra a text where ECS takes a list", s -> s.set("services.api.sidecars",
                                "{r: {image: 'fb:1', extra: {dnsServers: 10.0.0.2}}}"),
                        "services.api.sidecars.r.extra.dnsServers", "is a text here; ECS takes a list"),
                error("sidecar extra a number where ECS takes a text", s -> s.set("services.api.sidecars",
                                "{r: {image: 'fb:1', extra: {hostname: 42}}}"),
                        "services.api.sidecars.r.extra.hostname", "is a whole number here; ECS takes a text"),
                valid("extra values of the shapes ECS takes", s -> s.set("services.api.containerExtra",
                        "{startTimeout: 30, privileged: false, dnsServers: [10.0.0.2], hostname: api, "
                                + "repositoryCredentials: {credentialsParameter: 'arn:aws:secretsmanager:us-west-2:1:secret:x'}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }

    @Test
    void theSidecarsAndTaskSettingsBindAsWritten() {
        SpecResult result = SpecFixture.minimal()
                .set("services.api.sidecars", "{log-router: " + ROUTER + ", init: " + INIT + "}")
                .set("services.api.dependsOn", "[{container: init, condition: SUCCESS}]")
                .set("services.api.logging", "firelens")
                .set("services.api.runtimePlatform", "arm64")
                .set("services.api.volumes", "{scratch: }")
                .set("services.api.taskDefinition", "{extra: {pidMode: task, proxyConfiguration: {type: APPMESH, "
                        + "containerName: envoy, properties: [{name: AppPorts, value: '8080'}]}}}")
                .load();

        assertThat(SpecFixture.errors(result)).isEmpty();
        ServiceSpec api = result.spec().services().get("api");
        assertThat(api.sidecars().keySet()).containsExactly("log-router", "init");
        Sidecar router = api.sidecars().get("log-router");
        assertThat(router.essential()).isFalse();
        assertThat(router.memoryReservation()).isEqualTo(64);
        assertThat(router.firelens().type()).isEqualTo("fluentbit");
        assertThat(router.image()).isEqualTo(new SidecarImage.Reference("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"));
        assertThat(api.sidecars().get("init").command()).containsExactly("sh", "-c", "true");
        assertThat(api.container().dependsOn()).containsExactly(new ContainerDependency("init", "SUCCESS"));
        assertThat(api.container().logging()).isEqualTo("firelens");
        assertThat(api.architecture()).isEqualTo(ServiceSpec.ARM64);
        assertThat(api.task().volumes()).containsEntry("scratch", new Volume.Bind("scratch"));
        assertThat(api.task().extra()).containsEntry("pidMode", "task");
        assertThat(api.task().extra().get("proxyConfiguration")).isEqualTo(java.util.Map.of("type", "APPMESH",
                "containerName", "envoy", "properties", java.util.List.of(java.util.Map.of("name", "AppPorts", "value", "8080"))));
    }
}
