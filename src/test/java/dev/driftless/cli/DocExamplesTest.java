package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every driftless command line the documentation shows (in shell blocks and inline code) still parses:
 * its subcommand, options and values are accepted by the CLI (run with --help, so nothing executes).
 * Synopses with [optional] or &lt;placeholder&gt; parts are descriptions, not commands, and are left out.
 */
class DocExamplesTest {
    private static final Pattern COMMAND = Pattern.compile("^(?:\\$ )?(?:driftless|java (?:-\\S+ )*-jar \\S*driftless\\S*\\.jar) ([a-z].*)$");
    private static final Pattern FENCE = Pattern.compile("```(?:sh|bash|console|shell)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`((?:driftless|java -jar \\S*driftless\\S*\\.jar) [a-z][^`]*)`");

    static Stream<String> examples() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String dir : List.of("docs", "runbooks")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                for (String line : fence.group(1).replace("\\\n", " ").split("\n")) {
                    add(f, line.strip(), found);
                }
            }
            Matcher inline = INLINE.matcher(text);
            while (inline.find()) {
                for (String part : inline.group(1).split("&&")) {
                    add(f, part.strip(), found);
                }
            }
        }
        assertThat(found).as("documented commands found").hasSizeGreaterThan(10);
        return found.stream();
    }

    private static void add(Path file, String line, List<String> found) {
        Matcher m = COMMAND.matcher(line.replaceAll("\\s+#.*$", ""));
        if (m.matches() && !m.group(1).contains("[") && !m.group(1).contains("<")) {
            found.add(file + ": " + m.group(1).strip());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theDocumentedCommandParses(String example) {
        List<String> args = words(example.substring(example.indexOf(": ") + 2));
        args.add("--help");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(args.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: driftless " + args.get(0));
    }

    /** Shell words: quotes group, $VARIABLES stand for a plain value. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            String w = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            words.add(w.replaceAll("\\$\\{?[A-Z_]+}?", "v1"));
        }
        return words;
    }
}
