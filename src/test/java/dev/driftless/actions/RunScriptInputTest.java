package dev.driftless.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** action/run.sh prints input values only escaped: a value with a line break cannot start a workflow command. */
class RunScriptInputTest {
    private static final String PAYLOAD = "x\n::warning title=INJ::pwned\r::add-mask::INJMASK 100%";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "INPUT_COMMAND, '::error title=driftless::input command ''x%0A::warning title=INJ::pwned%0D::add-mask::INJMASK 100%25'' is not a driftless command; see ''driftless --help'''",
        "INPUT_JSON,    '::error title=driftless::input JSON is ''x%0A::warning title=INJ::pwned%0D::add-mask::INJMASK 100%25'', not true or false'",
        "INPUT_FORCE,   '::error title=driftless::input FORCE is ''x%0A::warning title=INJ::pwned%0D::add-mask::INJMASK 100%25'', not true or false'",
    })
    void inputValuesAreEscapedInsideTheAnnotation(String input, String expected) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "action/run.sh").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("DRIFTLESS_JAR", "/nonexistent.jar");
        env.put("INPUT_COMMAND", "validate");
        env.put(input, PAYLOAD);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).isEqualTo(2);
        List<String> lines = out.lines().toList();
        assertThat(lines).containsExactly(expected);
    }
}
