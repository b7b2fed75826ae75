package dev.driftless.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short stable hash of a rendered value: SHA-256 over its canonical JSON (properties and map keys
 * sorted), first 16 hex digits. Equal renderings hash equal in every run and JVM.
 */
public final class SpecHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private SpecHash() {
    }

    public static String of(TaskDefinition td) {
        return hash(td);
    }

    /** The settings' hash leaves desiredCount out: it has its own tag, and autoscaling moves it. */
    public static String of(ServiceSettings s) {
        return hash(new ServiceSettings(0, s.capacityProviderStrategy(), s.network(), s.loadBalancers(),
                s.circuitBreaker(), s.circuitBreakerRollback(), s.propagateTags(), s.deployment()));
    }

    /** A text that is already canonical (see {@link ScheduleText}). */
    public static String ofText(String canonical) {
        return digest(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(Object value) {
        try {
            return digest(CANONICAL.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash " + value.getClass().getSimpleName(), e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** For tests and messages: the canonical JSON that is hashed. */
    static String canonical(Object value) {
        try {
            return new String(CANONICAL.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
