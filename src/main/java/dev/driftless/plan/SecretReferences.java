package dev.driftless.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * A secret's {@code valueFrom} names an SSM parameter either by name ({@code /app/db} or {@code db}) or by
 * ARN; in the task definition's own region and account both reach the same parameter, so ECS runs the
 * same either way and the diff must not call it a change.
 */
public final class SecretReferences {
    private SecretReferences() {
    }

    /**
     * {@code live}'s secrets with each ARN written as {@code desired} writes the same parameter (and the
     * other way round), so only real differences remain.
     *
     * @param region the region of the service (from its ARN)
     * @param account the account of the service (from its ARN)
     */
    public static Map<String, String> asDesired(Map<String, String> live, Map<String, String> desired, String region,
                                                String account) {
        Map<String, String> out = new TreeMap<>(live);
        live.forEach((name, value) -> {
            String want = desired.get(name);
            if (want != null && !want.equals(value) && sameParameter(value, want, region, account)) {
                out.put(name, want);
            }
        });
        return out;
    }

    /** True when both name one SSM parameter of this region and account (by name or by ARN). */
    public static boolean sameParameter(String a, String b, String region, String account) {
        String pa = parameterName(a, region, account);
        String pb = parameterName(b, region, account);
        return pa != null && pa.equals(pb);
    }

    /** The parameter name without its leading slash, as the ARN spells it; null for anything that is not this region and account's parameter. */
    private static String parameterName(String value, String region, String account) {
        if (value == null) {
            return null;
        }
        if (!value.startsWith("arn:")) {
            return value.startsWith("/") ? value.substring(1) : value;
        }
        String[] parts = value.split(":", 6);
        if (parts.length < 6 || !"ssm".equals(parts[2]) || !parts[3].equals(region) || !parts[4].equals(account)
                || !parts[5].startsWith("parameter/")) {
            return null;
        }
        // the ARN of "/app/db" is ...:parameter/app/db, of "db" is ...:parameter/db
        return parts[5].substring("parameter/".length());
    }
}
