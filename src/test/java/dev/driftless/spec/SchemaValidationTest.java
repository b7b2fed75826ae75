package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * schema/deploy-spec.schema.json as editors use it: a real draft-07 validator (networknt) accepts every
 * sample and test spec, and refuses every broken one for the reason it is broken.
 */
class SchemaValidationTest {
    private static final Path SCHEMA = Path.of("schema/deploy-spec.schema.json");
    private static final Path BROKEN = Path.of("src/test/resources/specs/broken");
    private static final Path SYNTAX = Path.of("src/test/resources/specs/syntax");

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    private static List<String> errors(Path spec) throws IOException {
        JsonNode json = SpecJson.of(spec.toString(), Files.readString(spec));
        return schema().validate(json).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Every deploy-spec the project ships or tests with, except the deliberately broken ones. */
    static Stream<Path> specs() throws IOException {
        List<Path> specs = new ArrayList<>();
        for (Path root : List.of(Path.of("deploy-specs"), Path.of("src/test/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(p -> !p.startsWith(BROKEN) && !p.startsWith(SYNTAX))
                        .filter(p -> read(p).contains("apiVersion: driftless/v1"))
                        .forEach(specs::add);
            }
        }
        return specs.stream().sorted();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSchemaIsDraft07AndValidAgainstTheDraft07MetaSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        List<Error> problems = meta.validate(schema);
        assertThat(problems).isEmpty();
    }

    @Test
    void noTypeIsATypeArray() throws IOException {
        List<String> arrays = new ArrayList<>();
        walk(new ObjectMapper().readTree(SCHEMA.toFile()), "", arrays);
        assertThat(arrays).as("type arrays (use oneOf)").isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> arrays) {
        if (node.isObject()) {
            if (node.path("type").isArray()) {
                arrays.add(path);
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), arrays));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, arrays);
            }
        }
    }

    @Test
    void thereAreSpecsToValidate() throws IOException {
        assertThat(specs().map(Path::toString)).contains("deploy-specs/durable-code.yaml", "src/test/resources/specs/valid.yaml")
                .hasSizeGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everySampleAndTestSpecPasses(Path spec) throws IOException {
        assertThat(errors(spec)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a-fields.yaml | ",
        "b-sizes.yml   | /environments/dev/role",
        "c-empty.yaml  | /environments",
    })
    void everyBrokenSpecFails(String file, String where) throws IOException {
        List<String> errors = errors(BROKEN.resolve(file));

        assertThat(errors).isNotEmpty();
        if (where != null) {
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(where + ":"));
        }
    }

    @Test
    void everyFileInTheBrokenFolderIsCoveredAbove() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")))
                    .containsExactlyInAnyOrder("a-fields.yaml", "b-sizes.yml", "c-empty.yaml");
        }
    }

    @ParameterizedTest(name = "account {0}")
    @CsvSource(delimiter = '|', value = {
        "'\"123456789012\"' | true",
        "123456789012       | true",
        "'\"12345\"'        | false",
        "'[123456789012]'   | false",
        "true               | false",
    })
    void accountIsAQuotedTwelveDigitStringOrAnInteger(String account, boolean valid) throws IOException {
        String text = Files.readString(Path.of("deploy-specs/durable-code.yaml")).replace("account: \"123456789012\"", "account: " + account);
        List<Error> errors = schema().validate(SpecJson.of("x.yaml", text));

        assertThat(errors.stream().filter(e -> e.getInstanceLocation().toString().equals("/account")).toList())
                .as(errors.toString()).hasSize(valid ? 0 : 3); // oneOf, then why each alternative failed
    }
}
