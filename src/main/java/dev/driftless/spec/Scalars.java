package dev.driftless.spec;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Scalar conversions that report, not throw. Text is taken as written (SnakeYAML's raw value), so an
 * unquoted {@code 012345678901} keeps its zero and {@code 20:00} is a time, not YAML 1.1's sexagesimal 1200.
 */
final class Scalars {
    private Scalars() {
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    /** "a list", "a mapping" or the scalar as written, for "expected X, got Y" messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static String text(Node node, String path, Problems problems) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problems.error(path, "expected text, got " + describe(node));
        return null;
    }

    static Integer integer(Node node, String path, Problems problems) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            try {
                return Integer.valueOf(s.getValue().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                // fall through to the message
            }
        }
        problems.error(path, "expected a whole number, got " + describe(node));
        return null;
    }

    static Double decimal(Node node, String path, Problems problems) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            try {
                double d = Double.parseDouble(s.getValue().trim().replace("_", ""));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
        }
        problems.error(path, "expected a number, got " + describe(node));
        return null;
    }

    static Boolean bool(Node node, String path, Problems problems) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            switch (s.getValue().trim()) {
                case "true", "True", "TRUE" -> {
                    return true;
                }
                case "false", "False", "FALSE" -> {
                    return false;
                }
                default -> {
                    // fall through to the message
                }
            }
        }
        problems.error(path, "expected true or false, got " + describe(node));
        return null;
    }
}
