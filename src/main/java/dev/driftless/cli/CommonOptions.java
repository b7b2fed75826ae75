package dev.driftless.cli;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.auth.RoleArn;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every command shares. Each falls back to the action input of the same meaning, so the
 * composite action can pass inputs as {@code INPUT_*} variables instead of building a command line.
 */
public final class CommonOptions implements dev.driftless.auth.RoleOption {
    @Option(names = "--specs", paramLabel = "PATH",
            description = "A directory of *.yaml/*.yml deploy-specs, or one file (default: deploy-specs).")
    Path specs;

    @Option(names = "--env", paramLabel = "NAME", description = "The environment to act on.")
    String environment;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Limit to this service (repeatable; default: every service).")
    List<String> services = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the machine-readable result on stdout.")
    boolean json;

    @Option(names = "--at", paramLabel = "ISO-8601-INSTANT", converter = InstantConverter.class,
            description = "What \"now\" is, for anything that depends on time (e.g. 2026-11-25T16:00:00Z).")
    Instant at;

    @Option(names = "--role-arn", paramLabel = "ARN", converter = RoleArnConverter.class,
            description = "Assume this IAM role through GitHub OIDC (input role-to-assume; default: the environment's role).")
    RoleArn roleArn;

    @Option(names = "--debug", description = "Print stack traces and SDK details on errors.")
    boolean debug;

    public Path specs(ActionsRuntime actions) {
        if (specs != null) {
            return specs;
        }
        return Path.of(actions.input("specs").orElse("deploy-specs"));
    }

    public Optional<String> environment(ActionsRuntime actions) {
        return Optional.ofNullable(environment).or(() -> actions.input("environment"));
    }

    /** The selected services; the input {@code services} takes a comma- or newline-separated list. */
    public List<String> services(ActionsRuntime actions) {
        if (!services.isEmpty()) {
            return List.copyOf(services);
        }
        return actions.input("services")
                .map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).toList())
                .orElse(List.of());
    }

    public boolean dryRun(ActionsRuntime actions) {
        return dryRun || actions.booleanInput("dry-run").orElse(false);
    }

    /** {@code --role-arn} as given, or null; the input {@code role-to-assume} is read by the AWS client factory. */
    public RoleArn roleArn() {
        return roleArn;
    }

    public boolean json() {
        return json;
    }

    public boolean debug() {
        return debug;
    }

    /** Now, or the instant given by {@code --at} (input {@code at}). */
    public Instant now(CommandContext ctx) {
        if (at != null) {
            return at;
        }
        return ctx.actions().input("at").map(v -> {
            try {
                return InstantConverter.parse(v);
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new dev.driftless.DriftlessException("input at: " + e.getMessage(),
                        "write an ISO-8601 instant with a zone, e.g. 2026-11-25T16:00:00Z");
            }
        }).orElseGet(() -> ctx.clock().instant());
    }
}
