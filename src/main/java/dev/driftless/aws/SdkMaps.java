package dev.driftless.aws;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * SDK model objects as the JSON-like maps ECS's API speaks (its wire names as keys) and back, so what the
 * spec does not model can be read from a live definition and registered again without a typed copy of
 * every ECS field: the SDK's own field metadata says each key's wire name and type.
 */
final class SdkMaps {
    private SdkMaps() {
    }

    /** Every set field of {@code pojo}, by wire name; nested objects as maps, enums as their strings. */
    static Map<String, Object> toMap(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = toValue(f, f.getValueOrDefault(pojo));
            if (v != null) {
                out.put(f.locationName(), v);
            }
        }
        return out;
    }

    private static Object toValue(SdkField<?> f, Object v) {
        if (v == null || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (v instanceof SdkPojo p) {
            return toMap(p);
        }
        if (v instanceof List<?> l) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(toValue(member, x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), toValue(value, x)));
            return out;
        }
        if (v instanceof java.time.Instant i) {
            return i.toString();
        }
        return v;
    }

    /**
     * Sets each entry of {@code values} on {@code builder} by wire name.
     *
     * @throws IllegalArgumentException naming the key when the SDK has no such field or the value does not fit
     */
    static void set(SdkPojo builder, Map<String, ?> values, String where) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        builder.sdkFields().forEach(f -> fields.put(f.locationName(), f));
        values.forEach((k, v) -> {
            SdkField<?> f = fields.get(k);
            if (f == null) {
                throw new IllegalArgumentException(where + " has no field '" + k + "' in this SDK version");
            }
            f.set(builder, fromValue(f, v, where + "." + k));
        });
    }

    private static Object fromValue(SdkField<?> f, Object v, String where) {
        if (v == null) {
            return null;
        }
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + " must be an object, not " + v);
            }
            SdkPojo b = f.constructor().get();
            @SuppressWarnings("unchecked")
            Map<String, ?> values = (Map<String, ?>) m;
            set(b, values, where);
            return ((SdkBuilder<?, ?>) b).build();
        }
        if (t == MarshallingType.LIST) {
            if (!(v instanceof List<?> l)) {
                throw new IllegalArgumentException(where + " must be a list, not " + v);
            }
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(fromValue(member, x, where)));
            return out;
        }
        if (t == MarshallingType.MAP) {
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + " must be an object, not " + v);
            }
            SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), fromValue(value, x, where)));
            return out;
        }
        if (t == MarshallingType.INTEGER) {
            return number(v, where).intValueExact();
        }
        if (t == MarshallingType.LONG) {
            return number(v, where).longValueExact();
        }
        if (t == MarshallingType.DOUBLE) {
            return number(v, where).doubleValue();
        }
        if (t == MarshallingType.BOOLEAN) {
            return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
        }
        if (t == MarshallingType.STRING) {
            return String.valueOf(v);
        }
        return v;
    }

    private static BigDecimal number(Object v, String where) {
        try {
            return new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a number, not " + v, e);
        }
    }
}
