package dev.driftless.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.DriftlessException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GitHub Actions runtime as seen from one process: inputs, outputs, the step summary, workflow
 * commands and the event. Built from an environment map so tests pass their own; the only class
 * outside this package that needs the environment is the CLI, which hands this object on.
 */
public final class ActionsRuntime {
    private final Map<String, String> env;
    private final boolean inActions;
    private final WorkflowCommands commands;
    private final StepOutputs outputs;
    private final StepSummary summary;
    private final GitHubContext context;

    public ActionsRuntime(Map<String, String> env, PrintStream stdout, PrintStream stderr) {
        this.env = Map.copyOf(env);
        this.inActions = "true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"));
        this.commands = new WorkflowCommands(inActions ? stdout : stderr, inActions ? stderr : null, inActions);
        PrintStream console = InertOutput.wrap(stderr, inActions);
        this.outputs = new StepOutputs(inActions ? pathOrNull(env.get("GITHUB_OUTPUT")) : null, console);
        this.summary = new StepSummary(inActions ? pathOrNull(env.get("GITHUB_STEP_SUMMARY")) : null, console);
        this.context = GitHubContext.from(env, input("github-token").orElse(null));
        if (context.token() != null) {
            commands.mask(context.token());
        }
    }

    public boolean inActions() {
        return inActions;
    }

    /** An action input as @actions/core reads it: {@code INPUT_<NAME>}, upper-cased, spaces to '_', trimmed. */
    public Optional<String> input(String name) {
        String key = "INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT);
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** Boolean input in the YAML 1.2 core schema's spellings, as @actions/core's getBooleanInput. */
    public Optional<Boolean> booleanInput(String name) {
        return input(name).map(v -> switch (v) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw new DriftlessException("input " + name + " is '" + v + "', not a boolean",
                    "use true or false");
        });
    }

    public WorkflowCommands commands() {
        return commands;
    }

    public StepOutputs outputs() {
        return outputs;
    }

    public StepSummary summary() {
        return summary;
    }

    public GitHubContext context() {
        return context;
    }

    /** A variable of the environment this run got (for SDK settings such as AWS_REGION). */
    public Optional<String> variable(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public Map<String, String> environment() {
        return env;
    }

    /** The webhook payload of the triggering event, when the runner wrote one. */
    public Optional<JsonNode> event() {
        String path = context.eventPath();
        if (path == null) {
            return Optional.empty();
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new DriftlessException("GITHUB_EVENT_PATH names " + path + ", which does not exist",
                    "run inside GitHub Actions, or unset GITHUB_EVENT_PATH for a local run");
        }
        try {
            return Optional.of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new DriftlessException("the event payload " + path + " is not valid JSON: " + e.getMessage(),
                    "GitHub writes this file; point GITHUB_EVENT_PATH at a webhook payload", e);
        }
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }
}
