package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing failure message has an entry in docs/troubleshooting.md. The message's opening
 * words are read from the source: the string literal a {@code new DriftlessException(} starts with, up
 * to its first ':', '(' or opening quote (where the variable part usually begins). Messages that start with a variable
 * ({@code origin + " is '"...}) or with fewer than two words are not checked here: their opening is not
 * fixed text, so no search could find them; the document still lists them by topic.
 */
class TroubleshootingDocTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DOC = Path.of("docs/troubleshooting.md");
    private static final Pattern OPENING = Pattern.compile("new DriftlessException\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyFixedMessageOpeningIsInTheTroubleshootingDoc() throws IOException {
        Map<String, String> openings = openings();
        String doc = Files.readString(DOC);

        assertThat(openings).as("message openings found in " + SOURCES).hasSizeGreaterThan(60);
        List<String> missing = new ArrayList<>();
        openings.forEach((opening, where) -> {
            if (!doc.contains(opening)) {
                missing.add("`" + opening + "` (" + where + ")");
            }
        });
        assertThat(missing).as("messages with no entry in " + DOC + ": add a row with the cause and the fix").isEmpty();
    }

    @Test
    void theOpeningOfAMessageIsItsFixedTextUpToTheVariablePart() {
        assertThat(opening("refusing to act: the credentials are for AWS account ")).isEqualTo("refusing to act");
        assertThat(opening("Cost Explorer is not enabled for this AWS account (")).isEqualTo("Cost Explorer is not enabled for this AWS account");
        assertThat(opening("docker build of ")).isEqualTo("docker build of");
        assertThat(opening("cannot ")).isNull();
        assertThat(opening("--built-service names '")).isEqualTo("--built-service names");
        assertThat(opening("no environment given; ")).isEqualTo("no environment given");
        assertThat(opening("ECR's authorization token is not user:password")).isEqualTo("ECR's authorization token is not user");
        assertThat(opening("the GitHub OIDC token endpoint answered without a token (expected {\\\"value\\\"")).isEqualTo(
                "the GitHub OIDC token endpoint answered without a token");
    }

    /** Fixed opening → where it is thrown. */
    private static Map<String, String> openings() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = OPENING.matcher(Files.readString(file));
                while (m.find()) {
                    String opening = opening(m.group(1));
                    if (opening != null) {
                        found.putIfAbsent(opening, SOURCES.relativize(file).toString());
                    }
                }
            }
        }
        return found;
    }

    static String opening(String literal) {
        // a quote after a space opens a quoted value ("names '" + b + "'"); an apostrophe inside a word does not
        String text = literal.split("[:(\\\\]| '", 2)[0].strip().replaceAll("[;,.]+$", "");
        return text.split("\\s+").length < 2 ? null : text;
    }
}
