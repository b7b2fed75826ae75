package dev.driftless.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, located access to one YAML mapping. Building it reports duplicate keys and, for an object of a
 * known {@link Shapes shape}, unknown keys with the closest known one; every accessor records where its
 * value sits and reports a wrong type instead of throwing, so binding goes on and finds every problem.
 */
final class MappingReader {
    private final String path;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private MappingReader(MappingNode node, String path, String shape, String noun, Problems problems) {
        this.path = path;
        this.problems = problems;
        List<String> known = shape == null ? null : Shapes.fields(shape);
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Locations.Position at = position(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || Scalars.isNull(keyNode)) {
                problems.errorAt(at, path, "a key must be a plain name, got " + Scalars.describe(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = child(key);
            if (firstLine.containsKey(key)) {
                problems.errorAt(at, keyPath, "duplicate " + noun + " '" + key + "' (first defined at line "
                        + firstLine.get(key) + ")");
                continue;
            }
            firstLine.put(key, at.line());
            if (known != null && !known.contains(key)) {
                String hint = DidYouMean.hint(key, known);
                problems.errorAt(at, keyPath, "unknown field '" + key + "'"
                        + (hint.isEmpty() ? "; expected one of: " + String.join(", ", known) : hint));
                continue;
            }
            problems.locations().put(keyPath, position(tuple.getValueNode()));
            values.put(key, tuple.getValueNode());
        }
    }

    /** The mapping at {@code node} as an object of {@code shape}, or empty (reported) when it is not a mapping. */
    static Optional<MappingReader> object(Node node, String path, String shape, Problems problems) {
        return of(node, path, shape, "field", problems);
    }

    /** A mapping of free names (tags, environments, services) whose duplicates are called {@code noun}. */
    static Optional<MappingReader> names(Node node, String path, String noun, Problems problems) {
        return of(node, path, null, noun, problems);
    }

    private static Optional<MappingReader> of(Node node, String path, String shape, String noun, Problems problems) {
        if (Scalars.isNull(node)) {
            return Optional.empty();
        }
        problems.locations().put(path, position(node));
        if (node instanceof MappingNode m) {
            return Optional.of(new MappingReader(m, path, shape, noun, problems));
        }
        problems.error(path, "expected a mapping of " + (shape == null ? noun + "s" : "fields")
                + ", got " + Scalars.describe(node));
        return Optional.empty();
    }

    static Locations.Position position(Node node) {
        return new Locations.Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    String path() {
        return path;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Problems problems() {
        return problems;
    }

    /** The keys in file order. */
    List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** The raw node, or null when absent or written as null. */
    Node node(String key) {
        Node n = values.get(key);
        return Scalars.isNull(n) ? null : n;
    }

    boolean has(String key) {
        return node(key) != null;
    }

    /** Reports a missing required field (at this mapping's position) and returns whether it is present. */
    boolean require(String key) {
        if (has(key)) {
            return true;
        }
        problems.error(path, "missing required field '" + key + "'");
        return false;
    }

    String string(String key) {
        return Scalars.text(node(key), child(key), problems);
    }

    String requiredString(String key) {
        return require(key) ? string(key) : null;
    }

    Integer integer(String key) {
        return Scalars.integer(node(key), child(key), problems);
    }

    Double decimal(String key) {
        return Scalars.decimal(node(key), child(key), problems);
    }

    Boolean bool(String key) {
        return Scalars.bool(node(key), child(key), problems);
    }

    Optional<MappingReader> object(String key, String shape) {
        return object(node(key), child(key), shape, problems);
    }

    /** A list of texts; null when absent. */
    List<String> strings(String key) {
        return list(key, (n, p) -> Scalars.text(n, p, problems));
    }

    List<Double> decimals(String key) {
        return list(key, (n, p) -> Scalars.decimal(n, p, problems));
    }

    /** Each element bound by {@code element(node, path)}; null results (reported problems) are dropped. */
    <T> List<T> list(String key, BiFunction<Node, String, T> element) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.error(child(key), "expected a list, got " + Scalars.describe(n));
            return null;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String itemPath = child(key) + "[" + i + "]";
            problems.locations().put(itemPath, position(item));
            T value = element.apply(item, itemPath);
            if (value != null) {
                out.add(value);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A mapping of names to texts (tags, environment variables, secrets); null when absent. */
    Map<String, String> stringMap(String key, String noun) {
        return names(node(key), child(key), noun, problems).map(m -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (String k : m.keys()) {
                String v = m.string(k);
                out.put(k, v == null ? "" : v);
            }
            return Collections.unmodifiableMap(out);
        }).orElse(null);
    }

    /** A mapping of names to objects: each value handed to {@code element(name, node, path)}. */
    <T> Map<String, T> named(String key, String noun, NamedBinder<T> element) {
        return names(node(key), child(key), noun, problems).map(m -> {
            Map<String, T> out = new LinkedHashMap<>();
            for (String name : m.keys()) {
                T value = element.bind(name, m.values.get(name), m.child(name));
                if (value != null) {
                    out.put(name, value);
                }
            }
            return Collections.unmodifiableMap(out);
        }).orElse(null);
    }

    @FunctionalInterface
    interface NamedBinder<T> {
        T bind(String name, Node node, String path);
    }
}
