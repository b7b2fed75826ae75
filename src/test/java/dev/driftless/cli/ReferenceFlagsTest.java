package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flag values the reference forbids are usage errors (exit 2) naming the flag, alike on every command. */
class ReferenceFlagsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "deploy --image-tag ''      | deploy   | --image-tag | ``        | --image-tag: an image tag must not be blank",
        "plan --image-tag ''        | plan     | --image-tag | ``        | --image-tag: an image tag must not be blank",
        "build --image-tag ''       | build    | --image-tag | ``        | --image-tag: an image tag must not be blank",
        "deploy --timeout PT-1S     | deploy   | --timeout   | PT-1S     | duration 'PT-1S' must be above 0",
        "rollback --timeout PT-1S   | rollback | --timeout   | PT-1S     | duration 'PT-1S' must be above 0",
        "deploy --timeout 0s        | deploy   | --timeout   | 0s        | duration '0s' must be above 0",
        "deploy --timeout 200h      | deploy   | --timeout   | 200h      | duration '200h' is longer than 120h",
        "schedule --at +999999999.. | schedule | --at        | +999999999-12-31T23:59:59Z | is outside the years 1970 to 9999",
    })
    void refusedBeforeAnyCallNamingTheFlag(String label, String command, String flag, String value, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--specs",
                "deploy-specs/durable-code.yaml", "--env", "dev", flag, value));
        if (command.equals("rollback")) {
            args.addAll(java.util.List.of("--service", "backend", "--to", "previous"));
        }
        if (command.equals("build")) {
            args.add("--no-push");
        }

        int code = Main.run(args.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(ExitCode.USAGE);
        assertThat(printed).contains(flag).contains(message).doesNotContain("unexpected");
    }
}
