package dev.driftless.render;

import dev.driftless.plan.CanonicalJson;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text of maps, lists, strings, whole numbers and booleans, in the layout Jackson's default pretty
 * printer used for driftless's outputs (so scripts and golden files see no change), without loading
 * Jackson's databind on the deploy path.
 */
public final class JsonText {
    private JsonText() {
    }

    /** On one line, no spaces: for step outputs. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1);
        return out.toString();
    }

    /** Objects one member a line, indented by two; arrays on one line, as {@code [ "a", "b" ]}. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /** @param level nesting of objects for pretty output, -1 for compact */
    private static void write(Object value, StringBuilder out, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            CanonicalJson.string(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, level);
        } else if (value instanceof Collection<?> list) {
            array(list, out, level);
        } else {
            throw new IllegalArgumentException("no JSON text for " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int level) {
        boolean pretty = level >= 0;
        out.append('{');
        if (map.isEmpty()) {
            out.append(pretty ? " }" : "}");
            return;
        }
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (pretty) {
                newline(out, level + 1);
            }
            CanonicalJson.string(String.valueOf(e.getKey()), out);
            out.append(pretty ? " : " : ":");
            write(e.getValue(), out, pretty ? level + 1 : -1);
        }
        if (pretty) {
            newline(out, level);
        }
        out.append('}');
    }

    private static void array(Collection<?> list, StringBuilder out, int level) {
        boolean pretty = level >= 0;
        out.append('[');
        if (list.isEmpty()) {
            out.append(pretty ? " ]" : "]");
            return;
        }
        if (pretty) {
            out.append(' ');
        }
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(pretty ? ", " : ",");
            }
            first = false;
            write(item, out, level);
        }
        out.append(pretty ? " ]" : "]");
    }

    private static void newline(StringBuilder out, int level) {
        out.append('\n');
        out.append("  ".repeat(level));
    }
}
