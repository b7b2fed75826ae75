package dev.driftless.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A deploy-spec as the JSON an editor's schema validator sees, converted from the same SnakeYAML node
 * tree the binder reads (YAML 1.1 tags): an unquoted {@code 256} is a number, a quoted
 * {@code "123456789012"} a string, {@code true} a boolean, {@code ~} null. Each scalar keeps the type
 * its tag gives it, so a value the schema accepts is one the binder sees the same way.
 */
final class SpecJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SpecJson() {
    }

    /** The document as JSON; a syntax error throws (a schema cannot judge unparseable YAML). */
    static JsonNode of(String file, String text) {
        YamlParser.Parsed parsed = YamlParser.parse(file, text);
        if (parsed.syntaxError() != null) {
            throw new IllegalArgumentException(parsed.syntaxError().toString());
        }
        return parsed.root() == null ? F.nullNode() : json(parsed.root());
    }

    private static JsonNode json(Node node) {
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                // keys are text in JSON; a duplicate keeps the last value, as a JSON parser would
                o.set(((ScalarNode) t.getKeyNode()).getValue(), json(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            s.getValue().forEach(n -> a.add(json(n)));
            return a;
        }
        ScalarNode scalar = (ScalarNode) node;
        String v = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                return F.numberNode(new BigInteger(v.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                return F.numberNode(new BigDecimal(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return F.textNode(v); // 0x1F, 1:30 and other YAML 1.1 forms: the binder reads them as text too
        }
        if (Tag.BOOL.equals(tag)) {
            return F.booleanNode(switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "y" -> true;
                default -> false;
            });
        }
        if (Tag.NULL.equals(tag)) {
            return F.nullNode();
        }
        return F.textNode(v);
    }
}
