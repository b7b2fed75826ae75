package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps schema/deploy-spec.schema.json honest without a schema library: its object definitions accept
 * exactly the fields the binder accepts, its required fields are the ones the binder requires, every
 * field is described (editors show it), and every key of the sample spec is in it.
 */
class SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path SCHEMA = Path.of("schema/deploy-spec.schema.json");
    private static final Path SAMPLE = Path.of("deploy-specs/durable-code.yaml");

    static JsonNode schema() throws IOException {
        return JSON.readTree(SCHEMA.toFile());
    }

    @Test
    void everyShapeTheBinderAcceptsIsAClosedSchemaObjectWithTheSameFields() throws IOException {
        JsonNode defs = schema().get("$defs");
        for (Map.Entry<String, List<String>> shape : Shapes.all().entrySet()) {
            JsonNode def = defs.get(shape.getKey());
            assertThat(def).as("$defs." + shape.getKey()).isNotNull();
            assertThat(def.path("additionalProperties").asBoolean(true)).as(shape.getKey() + " is closed").isFalse();
            assertThat(names(def.get("properties"))).as("fields of " + shape.getKey())
                    .containsExactlyInAnyOrderElementsOf(shape.getValue());
        }
    }

    @Test
    void everySchemaObjectWithPropertiesIsAShape() throws IOException {
        List<String> withProperties = new ArrayList<>();
        schema().get("$defs").fields().forEachRemaining(e -> {
            if (e.getValue().has("properties")) {
                withProperties.add(e.getKey());
            }
        });
        assertThat(withProperties).containsExactlyInAnyOrderElementsOf(Shapes.all().keySet());
    }

    @Test
    void everyFieldIsDescribed() throws IOException {
        JsonNode defs = schema().get("$defs");
        List<String> undescribed = new ArrayList<>();
        defs.fields().forEachRemaining(def -> def.getValue().path("properties").fields().forEachRemaining(p -> {
            JsonNode field = p.getValue();
            JsonNode target = field.has("$ref") ? resolve(field.get("$ref").asText(), defs) : field;
            if (!field.has("description") && !target.has("description")) {
                undescribed.add(def.getKey() + "." + p.getKey());
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyKeyOfTheSampleIsInTheSchema() throws IOException {
        JsonNode schema = schema();
        JsonNode sample = YAML.readTree(SAMPLE.toFile());
        List<String> unknown = new ArrayList<>();
        walk(sample, schema.get("$ref").asText(), schema.get("$defs"), "", unknown, new ArrayList<>());
        assertThat(unknown).isEmpty();
    }

    @Test
    void theImageEnumsAreTheValuesTheRulesAccept() throws IOException {
        JsonNode image = schema().get("$defs").get(Shapes.IMAGE).get("properties");
        JsonNode scan = schema().get("$defs").get(Shapes.SCAN).get("properties");

        assertThat(texts(image.get("encryption").get("enum"))).containsExactlyElementsOf(ServiceRules.ENCRYPTIONS);
        assertThat(image.get("encryption").get("default").asText()).isEqualTo(new ImageSpec("r", null, null, true, null).encryption());
        assertThat(texts(scan.get("failOn").get("enum"))).containsExactlyElementsOf(ServiceRules.SEVERITIES);
    }

    /** The schema's kmsKey pattern lets an editor flag what validate flags, and nothing it accepts. */
    @ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab, true",
        "arn:aws:kms:us-west-2:123456789012:alias/app-ecr, true",
        "1234abcd-12ab-34cd-56ef-1234567890ab, false",
        "alias/app-ecr, false",
        "arn:aws:kms:us-west-2:123456789012:grant/abc, false",
        "arn:aws:s3:us-west-2:123456789012:key/abc, false",
    })
    void theKmsKeyPatternAgreesWithTheRule(String key, boolean accepted) throws IOException {
        String pattern = schema().get("$defs").get(Shapes.IMAGE).get("properties").get("kmsKey").get("pattern").asText();
        SpecResult result = SpecFixture.minimal().set("services.api.image.encryption", "KMS")
                .set("services.api.image.kmsKey", "'" + key + "'").load();

        assertThat(java.util.regex.Pattern.compile(pattern).matcher(key).find()).isEqualTo(accepted);
        assertThat(result.valid()).as(result.problems().toString()).isEqualTo(accepted);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theSampleDeclaresTheSchemaForEditors() throws IOException {
        assertThat(Files.readAllLines(SAMPLE).get(0))
                .isEqualTo("# yaml-language-server: $schema=../schema/deploy-spec.schema.json");
    }

    /** Every object in the sample, and for each field: whether the schema requires it. */
    record FieldCase(String path, String field, boolean required) {
        @Override
        public String toString() {
            return (path.isEmpty() ? "" : path + ".") + field + (required ? " (required)" : " (optional)");
        }
    }

    static Stream<FieldCase> sampleFields() throws IOException {
        JsonNode schema = schema();
        List<FieldCase> cases = new ArrayList<>();
        walk(YAML.readTree(SAMPLE.toFile()), schema.get("$ref").asText(), schema.get("$defs"), "", new ArrayList<>(),
                cases);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFields")
    void theBinderRequiresExactlyWhatTheSchemaRequires(FieldCase c) throws IOException {
        ObjectNode sample = (ObjectNode) YAML.readTree(SAMPLE.toFile());
        ObjectNode parent = c.path().isEmpty() ? sample : (ObjectNode) sample.at("/" + c.path().replace('.', '/'));
        parent.remove(c.field());

        SpecResult result = SpecLoader.load(new SpecSource("sample.yaml", YAML.writeValueAsString(sample)));

        String missing = "missing required field '" + c.field() + "'";
        if (c.required()) {
            assertThat(result.errors()).anySatisfy(p -> {
                assertThat(p.path()).isEqualTo(c.path());
                assertThat(p.message()).isEqualTo(missing);
            });
        } else {
            assertThat(result.problems()).noneMatch(p -> p.message().equals(missing));
        }
    }

    private static void walk(JsonNode value, String ref, JsonNode defs, String path, List<String> unknown,
            List<FieldCase> fields) {
        JsonNode def = resolve(ref, defs);
        if (def.has("oneOf")) {
            for (JsonNode branch : def.get("oneOf")) {
                if (branch.has("$ref") && value.isObject()) {
                    walk(value, branch.get("$ref").asText(), defs, path, unknown, fields);
                }
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        Set<String> required = new HashSet<>(names(def.path("required")));
        JsonNode properties = def.get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode field;
            if (properties != null) {
                field = properties.get(e.getKey());
                if (field == null) {
                    unknown.add(childPath);
                    continue;
                }
                fields.add(new FieldCase(path, e.getKey(), required.contains(e.getKey())));
            } else {
                field = def.get("additionalProperties");
                if (field == null || !field.isObject()) {
                    continue;
                }
            }
            if (field.has("$ref")) {
                walk(e.getValue(), field.get("$ref").asText(), defs, childPath, unknown, fields);
            } else if (field.has("additionalProperties") && field.get("additionalProperties").has("$ref")) {
                String itemRef = field.get("additionalProperties").get("$ref").asText();
                e.getValue().fields().forEachRemaining(
                        c -> walk(c.getValue(), itemRef, defs, childPath + "." + c.getKey(), unknown, fields));
            } else if (field.has("items") && field.get("items").has("$ref") && e.getValue().isArray()) {
                for (JsonNode item : e.getValue()) {
                    walk(item, field.get("items").get("$ref").asText(), defs, childPath + "[]", unknown,
                            new ArrayList<>());
                }
            } else if (field.has("oneOf")) {
                walk(e.getValue(), "#/$defs/__inline", withInline(defs, field), childPath, unknown, fields);
            }
        }
    }

    private static JsonNode withInline(JsonNode defs, JsonNode inline) {
        ObjectNode copy = ((ObjectNode) defs).deepCopy();
        copy.set("__inline", inline);
        return copy;
    }

    private static JsonNode resolve(String ref, JsonNode defs) {
        JsonNode def = defs.get(ref.substring("#/$defs/".length()));
        assertThat(def).as(ref).isNotNull();
        return def;
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
