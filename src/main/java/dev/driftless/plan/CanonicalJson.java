package dev.driftless.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        } else if (value instanceof Double || value instanceof Float) {
            // Jackson writes floating-point numbers with Java's own toString (10.0, 0.1, 1.0E-4)
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
            JsonInclude onType = record.getClass().getAnnotation(JsonInclude.class);
            for (RecordComponent c : components) {
                Object v = component(record, c);
                JsonInclude onComponent = c.getAccessor().getAnnotation(JsonInclude.class);
                if (!left(onComponent != null ? onComponent : onType, v)) {
                    first = member(c.getName(), v, first, out);
                }
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("no canonical JSON for " + value.getClass().getName());
        }
    }

    /**
     * Whether Jackson's {@code @JsonInclude} on the component (else on its record) leaves this value out:
     * the hashes already deployed were written by Jackson honouring them.
     */
    private static boolean left(JsonInclude include, Object v) {
        if (include == null) {
            return false;
        }
        return switch (include.value()) {
            case NON_NULL -> v == null;
            case NON_ABSENT -> v == null || v instanceof java.util.Optional<?> o && o.isEmpty();
            case NON_EMPTY -> empty(v);
            case NON_DEFAULT -> empty(v) || Boolean.FALSE.equals(v) || v instanceof Number n && n.longValue() == 0
                    && n.doubleValue() == 0;
            case CUSTOM -> custom(include.valueFilter(), v);
            default -> false;
        };
    }

    private static boolean empty(Object v) {
        return v == null || v instanceof java.util.Optional<?> o && o.isEmpty()
                || v instanceof CharSequence s && s.length() == 0 || v instanceof Collection<?> c && c.isEmpty()
                || v instanceof Map<?, ?> m && m.isEmpty();
    }

    private static boolean custom(Class<?> filter, Object v) {
        if (filter == Void.class) {
            return false;
        }
        try {
            java.lang.reflect.Constructor<?> c = filter.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance().equals(v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the @JsonInclude filter " + filter.getName(), e);
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
