package dev.driftless.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shapes each command's options and help the way ecspresso's read: a command offers only the shared
 * options it uses ({@code validate} has no {@code --role-arn}), says which are required, and ends with
 * two examples. Applied to whichever subcommands are registered, so it works whether every command is
 * built or only the invoked one; a command missing from the table keeps every shared option.
 */
final class HelpLayout {
    /** The options {@link CommonOptions} gives every command. */
    static final Set<String> SHARED = Set.of("--specs", "--env", "--service", "--dry-run", "--json", "--at", "--role-arn", "--debug");
    private static final int WIDTH = 100;

    /**
     * @param uses     the shared options the command reads
     * @param required the options it cannot run without (some may come from an action input instead)
     * @param examples two command lines
     */
    record Layout(Set<String> uses, Set<String> required, List<String> examples) {
    }

    private static final Set<String> AWS_ENV = Set.of("--specs", "--env", "--service", "--dry-run", "--json", "--at", "--role-arn", "--debug");

    static final Map<String, Layout> LAYOUTS = Map.ofEntries(
            Map.entry("validate", new Layout(Set.of("--specs", "--json", "--debug"), Set.of(), List.of(
                    "driftless validate",
                    "driftless validate --specs deploy-specs/shop.yaml --json"))),
            Map.entry("plan", new Layout(without(AWS_ENV, "--dry-run"), Set.of("--env"), List.of(
                    "driftless plan --env dev --image-tag 3f2a1c9 --detailed-exitcode",
                    "driftless plan --env prod --keep-live-image --comment on-change --fail-on budget,increase:20%"))),
            Map.entry("deploy", new Layout(without(AWS_ENV, "--at"), Set.of("--env"), List.of(
                    "driftless deploy --env dev --images '{\"backend\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/backend@sha256:…\"}'",
                    "driftless deploy --env prod --service backend --image-tag v1.4.2 --dry-run"))),
            Map.entry("rollback", new Layout(without(AWS_ENV, "--at"), Set.of("--env", "--service"), List.of(
                    "driftless rollback --env prod --service backend",
                    "driftless rollback --env prod --service backend --to sha:3f2a1c9 --dry-run"))),
            Map.entry("schedule", new Layout(AWS_ENV, Set.of("--env"), List.of(
                    "driftless schedule --env dev",
                    "driftless schedule --env dev --at 2026-11-25T04:00:00Z --dry-run"))),
            Map.entry("stop", new Layout(AWS_ENV, Set.of("--env"), List.of(
                    "driftless stop --env dev",
                    "driftless stop --env dev --service frontend --dry-run"))),
            Map.entry("start", new Layout(AWS_ENV, Set.of("--env"), List.of(
                    "driftless start --env dev --wait",
                    "driftless start --env dev --service backend --dry-run"))),
            Map.entry("cost", new Layout(without(AWS_ENV, "--dry-run", "--service"), Set.of(), List.of(
                    "driftless cost",
                    "driftless cost --env dev --at 2026-11-25T16:00:00Z --json"))),
            Map.entry("build", new Layout(without(AWS_ENV, "--at"), Set.of("--env"), List.of(
                    "driftless build --env dev --image-tag 3f2a1c9",
                    "driftless build --env dev --service backend --no-push"))),
            Map.entry("auth", new Layout(without(AWS_ENV, "--dry-run", "--service", "--at"), Set.of("--env"), List.of(
                    "driftless auth --env dev",
                    "driftless auth --env prod --role-arn arn:aws:iam::123456789012:role/deploy --json"))),
            Map.entry("matrix", new Layout(Set.of("--specs", "--env", "--service", "--debug"), Set.of(), List.of(
                    "driftless matrix",
                    "driftless matrix --per environment --scheduled"))),
            Map.entry("drift", new Layout(AWS_ENV, Set.of("--env"), List.of(
                    "driftless drift --env dev",
                    "driftless drift --env prod --dry-run"))),
            Map.entry("test", new Layout(Set.of("--specs", "--env", "--service", "--role-arn", "--debug"), Set.of(), List.of(
                    "driftless test",
                    "driftless test --env dev --images '{\"backend\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/backend@sha256:…\"}'"))),
            Map.entry("demo", new Layout(Set.of("--specs", "--debug"), Set.of(), List.of(
                    "driftless demo",
                    "driftless demo --dir /tmp/driftless-demo"))));

    private HelpLayout() {
    }

    private static Set<String> without(Set<String> all, String... removed) {
        Set<String> s = new java.util.TreeSet<>(all);
        List.of(removed).forEach(s::remove);
        return Set.copyOf(s);
    }

    /** Lays out the root command and every subcommand registered so far. */
    static void apply(CommandLine root) {
        root.getCommandSpec().usageMessage().width(WIDTH);
        HelpText.install(root.getCommandSpec());
        for (CommandLine sub : root.getSubcommands().values()) {
            apply(sub.getCommandSpec());
        }
    }

    static void apply(CommandSpec spec) {
        spec.usageMessage().width(WIDTH);
        HelpText.install(spec);
        Layout layout = LAYOUTS.get(spec.name());
        if (layout == null) {
            return;
        }
        for (OptionSpec option : new ArrayList<>(spec.options())) {
            String name = option.longestName();
            if (SHARED.contains(name) && !layout.uses().contains(name)) {
                spec.remove(option);
            } else if (layout.required().contains(name) && !option.description()[0].startsWith("Required")) {
                spec.remove(option);
                String[] description = option.description().clone();
                description[0] = "Required. " + description[0];
                spec.addOption(OptionSpec.builder(option).description(description).build());
            }
        }
        List<String> footer = new ArrayList<>();
        footer.add("");
        footer.add("Examples:");
        layout.examples().forEach(e -> footer.add("  " + e.replace("%", "%%"))); // the footer is a format string
        spec.usageMessage().footer(footer.toArray(String[]::new));
    }
}
