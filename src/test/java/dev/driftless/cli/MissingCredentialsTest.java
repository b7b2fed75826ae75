package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials that cannot be loaded are one translated message on every command, like deploy's, never
 * the SDK's provider dump as "unexpected". A profile that does not exist fails at once, without a network.
 */
class MissingCredentialsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cost", "plan", "stop", "schedule", "deploy"})
    void everyCommandTranslatesCredentialsItCannotLoad(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of(command, "--specs", "deploy-specs/durable-code.yaml", "--env", "dev"));
        if (command.equals("plan") || command.equals("deploy")) {
            args.addAll(List.of("--image-tag", "v1"));
        }
        Map<String, String> env = Map.of("AWS_PROFILE", "driftless-no-such-profile", "AWS_REGION", "us-west-2",
                "AWS_CONFIG_FILE", "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");

        int code = Main.run(args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(1);
        assertThat(printed).doesNotContain("unexpected").doesNotContain("this is a bug").contains("error: no AWS credentials were found while ")
                .contains("  fix: ");
    }
}
