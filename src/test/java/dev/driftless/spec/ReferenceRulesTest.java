package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values docs/spec-reference.md forbids are errors at their line, each in one row. */
class ReferenceRulesTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "  retain: 10 | '  retain: -1 '                                 | 32 | deploy.retain: retain -1 must be at least 1",
        "  retain: 10 | '  retain: 0 '                                  | 32 | deploy.retain: retain 0 must be at least 1",
        "        cpu: 512 | '        cpu: -1'                          | 89 | services.backend.overrides.prod.cpu: cpu -1 in prod must be above 0",
        "        memory: 1024 | '        memory: -1'                   | 90 | services.backend.overrides.prod.memory: memory -1 in prod must be above 0",
        "    url: https://dev.durable-code.example.com | '    url: \"$(touch /tmp/x)\"' | 48 | environments.dev.url: url '$(touch /tmp/x)' is not an http(s) URL",
        "    url: https://dev.durable-code.example.com | '    url: \"https://a\\0b\"'   | 48 | is not an http(s) URL",
        "    url: https://dev.durable-code.example.com | '    url: ftp://example.com'  | 48 | is not an http(s) URL",
        "  tag: Project | '  tag: \"Pro\\0ject\"'                         | 20 | cost.tag: cost tag",
        "  tag: Project | '  tag: \"Pro ject\"'                           | 20 | cost.tag: cost tag",
        "  tag: Project | '  tag: \"Pro\\u202Eject\"'                     | 20 | cost.tag: cost tag",
        "context: app, | 'context: \"app\\0\",'                           | 63 | services.backend.image.build.context: build context",
        "context: app, | 'context: \"app\\r\",'                           | 63 | holds a NUL, CR or LF character",
        "context: app, | 'context: \"app\\n\",'                           | 63 | holds a NUL, CR or LF character",
        "context: app, | 'context: ../app,'                              | 63 | climbs out with '..'",
        "dockerfile: Dockerfile.backend | 'dockerfile: \"D\\0\"'         | 63 | services.backend.image.build.dockerfile: dockerfile",
        "dockerfile: Dockerfile.backend | 'dockerfile: \"D\\r\"'         | 63 | holds a NUL, CR or LF character",
        "dockerfile: Dockerfile.backend | 'dockerfile: \"D\\n\"'         | 63 | holds a NUL, CR or LF character",
        "dockerfile: Dockerfile.backend | 'dockerfile: ../Dockerfile'    | 63 | climbs out with '..'",
        "  timeout: 30m | '  timeout: PT-1S'                            | 31 | deploy.timeout: duration 'PT-1S' must be above 0",
        "  timeout: 30m | '  timeout: 99999999999999999999h'            | 31 | is longer than 120h",
    })
    void aForbiddenValueIsAnErrorAtItsLine(String from, String to, int line, String message) throws IOException {
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"));
        assertThat(sample).contains(from);
        String text = sample.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to.substring(1, to.length() - 1).strip()));

        SpecResult result = SpecLoader.load(new SpecSource("app.yaml", text));

        assertThat(result.errors()).as(to).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.format()).contains(message);
        });
    }
}
