package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.Test;

/**
 * HelpLayout's table of the shared options each command uses stays true to the code: a command offers
 * an option exactly when its source reads it (directly or through the helper that does).
 */
class HelpLayoutTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/driftless/cli");
    /** How a command's source shows it reads each shared option. */
    private static final Map<String, List<String>> READS = Map.of(
            "--env", List.of("common.environment(", "Specs.environment(", "ScalingTarget.resolve("),
            "--service", List.of("common.services(", "Specs.services(", "ScalingTarget.resolve("),
            "--dry-run", List.of("common.dryRun("),
            "--json", List.of("common.json()"),
            "--at", List.of("common.now("),
            "--role-arn", List.of("AwsClients.forEnvironment(", "common.roleArn()"));

    @Test
    void everyCommandOffersExactlyTheSharedOptionsItsSourceReads() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : DriftlessCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            HelpLayout.Layout layout = HelpLayout.LAYOUTS.get(command.name());
            if (layout == null) {
                continue; // picocli's help command
            }
            String source = Files.readString(SOURCES.resolve(c.getSimpleName() + ".java"));
            READS.forEach((option, reads) -> {
                boolean read = reads.stream().anyMatch(source::contains);
                if (read != layout.uses().contains(option)) {
                    wrong.add(command.name() + (read ? " reads " : " does not read ") + option);
                }
            });
        }
        assertThat(wrong).as("HelpLayout.LAYOUTS out of step with the commands").isEmpty();
    }

    @Test
    void everyCommandHasALayout() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : DriftlessCommand.class.getAnnotation(Command.class).subcommands()) {
            String name = c.getAnnotation(Command.class).name();
            if (!name.equals("help") && !HelpLayout.LAYOUTS.containsKey(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
    }
}
