package dev.driftless.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML subtree as plain values (maps, lists, texts, whole numbers, decimals, booleans) for {@code extra}
 * fields, which driftless passes to ECS as written. Scalars keep the type YAML's core schema gives them,
 * so {@code true} is a boolean and {@code "true"} a text, as RegisterTaskDefinition's JSON would have them.
 */
final class RawValues {
    private RawValues() {
    }

    static Object of(Node node) {
        if (Scalars.isNull(node)) {
            return null;
        }
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), of(t.getValueNode()));
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            s.getValue().forEach(n -> out.add(of(n)));
            return Collections.unmodifiableList(out);
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        if (Tag.BOOL.equals(s.getTag())) {
            return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(s.getTag())) {
            try {
                return Long.valueOf(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (Tag.FLOAT.equals(s.getTag())) {
            try {
                return Double.valueOf(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }
}
