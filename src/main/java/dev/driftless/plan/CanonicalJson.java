package dev.driftless.plan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of a value of records, maps, lists, strings, numbers and booleans: record components
 * and map keys sorted, no whitespace, non-ASCII as UTF-8. Byte for byte what Jackson wrote with sorted
 * properties and map entries (the hashes in every tag already deployed were made that way), without
 * loading Jackson's databind machinery on every deploy.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalJson() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            string(s, out, true);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            string(e.name(), out, true);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                first = member(e.getKey(), e.getValue(), first, out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Record record) {
            out.append('{');
            boolean first = true;
            RecordComponent[] components = record.getClass().getRecordComponents();
            Arrays.sort(components, Comparator.comparing(RecordComponent::getName));
            for (RecordComponent c : components) {
                first = member(c.getName(), component(record, c), first, out);
            }
            out.append('}');
        } else {
            // doubles and other types would need Jackson's exact number formatting; nothing hashed has them
            throw new IllegalArgumentException("no canonical JSON for " + value.getClass().getName());
        }
    }

    private static boolean member(String name, Object value, boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        string(name, out, true);
        out.append(':');
        write(value, out);
        return false;
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            java.lang.reflect.Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }

    /** JSON string escaping as Jackson does it: the two-character escapes, else \\uXXXX for control characters and surrogates. */
    /** A JSON string as Jackson writes it to text (characters beyond the BMP as they are). */
    public static void string(CharSequence s, StringBuilder out) {
        string(s, out, false);
    }

    private static void string(CharSequence s, StringBuilder out, boolean escapeSurrogates) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20 || escapeSurrogates && Character.isSurrogate(ch)) {
                        // Jackson's byte output (what was hashed) writes the halves of a surrogate pair escaped
                        out.append("\\u").append(HEX[ch >> 12]).append(HEX[(ch >> 8) & 0xF])
                                .append(HEX[(ch >> 4) & 0xF]).append(HEX[ch & 0xF]);
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
