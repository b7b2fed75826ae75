package dev.driftless.cli;

import dev.driftless.demo.OfflineEcs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code __train}, hidden: the offline workload {@code action/prepare.sh} records the JVM's ahead-of-time
 * cache with. It runs the hot commands in-process, as the runner runs them (Actions variables, outputs,
 * summary), against {@link OfflineEcs} on loopback, so it calls no AWS or GitHub endpoint and needs no
 * credentials: {@code --version}, {@code validate}, a deploy that creates a service (the STS account
 * guard) and one that updates it.
 */
@Command(name = "__train", hidden = true, description = "Offline workload for the JVM's ahead-of-time cache (used by action/prepare.sh).")
public final class TrainCommand implements Callable<Integer> {
    static final String SPEC = """
            apiVersion: driftless/v1
            kind: Application
            name: offline
            account: "123456789012"
            region: us-west-2
            tags: { Project: offline }
            deploy: { timeout: 5m, retain: 1 }
            environments:
              dev:
                cluster: offline
                capacity: spot
                network: { subnets: [subnet-0a1b2c3d], securityGroups: [sg-0c2d3e4f], publicIp: true }
            services:
              web:
                image: { repository: offline-web }
                cpu: 256
                memory: 512
                port: 8080
                environment: { LOG_LEVEL: info }
                healthCheck: { command: ["CMD-SHELL", "true"] }
                desiredCount: 1
            roles:
              execution: arn:aws:iam::123456789012:role/offline-exec
            logs: { group: /ecs/offline, retentionDays: 1 }
            """;

    private final CommandContext ctx;

    public TrainCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("driftless-train");
        Path spec = dir.resolve("offline.yaml");
        Files.writeString(spec, SPEC);
        int failures = 0;
        try (OfflineEcs ecs = new OfflineEcs("us-west-2")) {
            Map<String, String> env = new HashMap<>();
            env.put("AWS_ENDPOINT_URL", ecs.endpoint());
            env.put("AWS_ACCESS_KEY_ID", "offline");
            env.put("AWS_SECRET_ACCESS_KEY", "offline");
            env.put("GITHUB_ACTIONS", "true");
            env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
            env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
            env.put("GITHUB_WORKSPACE", dir.toString());
            String specs = spec.toString();
            String[][] runs = {
                {"--version"},
                {"validate", "--specs", specs},
                {"deploy", "--specs", specs, "--env", "dev", "--image-tag", "t1"},
                {"deploy", "--specs", specs, "--env", "dev", "--image-tag", "t2"},
                {"deploy", "--specs", specs, "--env", "dev", "--image-tag", "t3", "--json"},
            };
            for (String[] args : runs) {
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
                java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
                int code = Main.run(args, new CommandContext(env, quiet, new PrintStream(errors, true,
                        java.nio.charset.StandardCharsets.UTF_8), ctx.clock(), ctx.sleeper(),
                        new dev.driftless.actions.ActionsRuntime(env, quiet, quiet)));
                if (code != 0) {
                    failures++;
                    ctx.err().println("training run '" + String.join(" ", args) + "' exited " + code + ":\n" + errors);
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return failures == 0 ? ExitCode.OK : ExitCode.FAILURE;
    }
}
