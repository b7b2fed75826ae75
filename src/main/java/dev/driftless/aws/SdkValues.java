package dev.driftless.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Moves {@code extra} fields between plain values (maps, lists, texts, numbers, booleans — as the spec wrote
 * them) and the SDK's model, by the model's own field descriptions, so any field RegisterTaskDefinition
 * takes can pass through without driftless typing it.
 */
final class SdkValues {
    private SdkValues() {
    }

    /** The model's fields by their JSON name. */
    static Map<String, SdkField<?>> fields(SdkPojo model) {
        Map<String, SdkField<?>> out = new LinkedHashMap<>();
        model.sdkFields().forEach(f -> out.put(f.locationName(), f));
        return out;
    }

    /** Sets each extra field on an SDK builder. */
    static void apply(SdkPojo builder, Map<String, Object> extra) {
        Map<String, SdkField<?>> fields = fields(builder);
        extra.forEach((name, value) -> {
            SdkField<?> field = fields.get(name);
            if (field == null) {
                throw new IllegalArgumentException("no ECS field " + name + " (the spec's rules let it through)");
            }
            try {
                field.set(builder, fromPlain(field, value));
            } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
                // validate checks each field's top-level shape; what lies deeper is only known to the SDK model
                throw new dev.driftless.DriftlessException("extra field '" + name + "' does not have the shape ECS takes ("
                        + e.getMessage() + ")", "write it as RegisterTaskDefinition's JSON has it: a mapping for an object, "
                        + "a list for an array (see the ECS API reference for " + name + ")");
            }
        });
    }

    /** The named fields of a live SDK object as plain values; absent and empty ones are left out. */
    static Map<String, Object> read(SdkPojo model, Collection<String> names) {
        Map<String, Object> out = new TreeMap<>();
        Map<String, SdkField<?>> fields = fields(model);
        for (String name : names) {
            SdkField<?> field = fields.get(name);
            Object plain = field == null ? null : toPlain(field.getValueOrDefault(model));
            if (plain != null) {
                out.put(name, plain);
            }
        }
        return out;
    }

    static Object toPlain(Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            Map<String, Object> out = new TreeMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                Object v = toPlain(f.getValueOrDefault(pojo));
                if (v != null) {
                    out.put(f.locationName(), v);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(toPlain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toPlain(v)));
            return out;
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }

    /** An empty entry of a list or mapping, which the SDK would refuse only when it writes the request. */
    private static Object required(SdkField<?> field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field.locationName() + " has an empty entry");
        }
        return value;
    }

    private static String describe(Object value) {
        return value instanceof Map<?, ?> ? "a mapping" : value instanceof List<?> ? "a list" : "'" + value + "'";
    }

    private static Object fromPlain(SdkField<?> field, Object value) {
        if (value == null) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo builder = field.constructor().get();
            Map<String, SdkField<?>> fields = fields(builder);
            ((Map<?, ?>) value).forEach((k, v) -> {
                SdkField<?> sub = fields.get(String.valueOf(k));
                if (sub == null) {
                    throw new IllegalArgumentException("'" + k + "' is not a field of " + field.locationName()
                            + "; ECS takes " + String.join(", ", fields.keySet()));
                }
                sub.set(builder, fromPlain(sub, v));
            });
            return ((software.amazon.awssdk.utils.builder.Buildable) builder).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            ((List<?>) value).forEach(v -> out.add(fromPlain(member, required(field, v))));
            return out;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), fromPlain(member, required(field, v))));
            return out;
        }
        if (type == MarshallingType.INTEGER) {
            return ((Number) value).intValue();
        }
        if (type == MarshallingType.LONG) {
            return ((Number) value).longValue();
        }
        if (type == MarshallingType.DOUBLE) {
            return ((Number) value).doubleValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof String t && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(t);
            }
            throw new IllegalArgumentException(field.locationName() + " takes true or false, not " + describe(value));
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            // String.valueOf would send "{a=1}" to ECS as the field's text
            throw new IllegalArgumentException(field.locationName() + " takes a text, not " + describe(value));
        }
        return String.valueOf(value);
    }
}
