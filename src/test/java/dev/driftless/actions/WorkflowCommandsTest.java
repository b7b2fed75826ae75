package dev.driftless.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @ParameterizedTest(name = "data \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain text           | plain text",
        "100%                 | 100%25",
        "%0A stays literal    | %250A stays literal",
        "a:b,c                | a:b,c",
    })
    void escapesMessageData(String raw, String escaped) {
        assertThat(WorkflowCommands.escapeData(raw)).isEqualTo(escaped);
    }

    @Test
    void escapesCarriageReturnAndLineFeedInData() {
        assertThat(WorkflowCommands.escapeData("one\r\ntwo\nthree\r")).isEqualTo("one%0D%0Atwo%0Athree%0D");
    }

    @ParameterizedTest(name = "property \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "deploy-specs/app.yaml | deploy-specs/app.yaml",
        "C:\\specs\\a.yaml     | C%3A\\specs\\a.yaml",
        "a,b                   | a%2Cb",
        "50% off: now, please  | 50%25 off%3A now%2C please",
    })
    void escapesPropertiesIncludingColonAndComma(String raw, String escaped) {
        assertThat(WorkflowCommands.escapeProperty(raw)).isEqualTo(escaped);
    }

    @Test
    void escapesLineBreaksInProperties() {
        assertThat(WorkflowCommands.escapeProperty("a\r\nb")).isEqualTo("a%0D%0Ab");
    }

    @Test
    void annotationCarriesFileLineColumnAndTitleWithEscaping() {
        WorkflowCommands commands = new WorkflowCommands(stream, true);

        commands.error("cpu 300 is not a Fargate size\nuse 256", new Annotation("specs/a,b.yaml", 12, 7, "spec: invalid"));

        assertThat(lines()).containsExactly(
                "::error title=spec%3A invalid,file=specs/a%2Cb.yaml,line=12,col=7::cpu 300 is not a Fargate size%0Ause 256");
    }

    @Test
    void warningAndNoticeWithoutLocationHaveNoProperties() {
        WorkflowCommands commands = new WorkflowCommands(stream, true);

        commands.warning("slow: 50%", null);
        commands.notice("done", Annotation.NONE);

        assertThat(lines()).containsExactly("::warning::slow: 50%25", "::notice::done");
    }

    @Test
    void groupsAndDebugInActions() {
        WorkflowCommands commands = new WorkflowCommands(stream, true);

        commands.group("deploy dev\nbackend");
        commands.debug("detail");
        commands.endGroup();

        assertThat(lines()).containsExactly("::group::deploy dev%0Abackend", "::debug::detail", "::endgroup::");
    }

    @Test
    void masksEachLineOfAMultiLineSecret() {
        WorkflowCommands commands = new WorkflowCommands(stream, true);

        commands.mask("-----BEGIN KEY-----\r\nabc%def\n\n-----END KEY-----");

        assertThat(lines()).containsExactly(
                "::add-mask::-----BEGIN KEY-----", "::add-mask::abc%25def", "::add-mask::-----END KEY-----");
    }

    @Test
    void maskIsWrittenToTheSecondStreamTooSoNeitherStreamCanLeadIt() {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        WorkflowCommands commands = new WorkflowCommands(stream, err, true);

        commands.mask("s3cr3t");

        assertThat(lines()).containsExactly("::add-mask::s3cr3t");
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("::add-mask::s3cr3t");
    }

    @Test
    void outsideActionsEverythingIsPlainText() {
        WorkflowCommands commands = new WorkflowCommands(stream, false);

        commands.mask("s3cr3t");
        commands.group("deploy dev");
        commands.error("cpu 300 is not a Fargate size", Annotation.at("deploy-specs/app.yaml", 12, 7));
        commands.warning("no schedule", Annotation.at("deploy-specs/app.yaml", 3, 0));
        commands.notice("done", null);
        commands.debug("hidden outside Actions");
        commands.endGroup();

        List<String> lines = lines();
        assertThat(lines).containsExactly(
                "── deploy dev",
                "deploy-specs/app.yaml:12:7: error: cpu 300 is not a Fargate size",
                "deploy-specs/app.yaml:3: warning: no schedule",
                "notice: done");
        assertThat(lines).noneMatch(l -> l.startsWith("::"));
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
