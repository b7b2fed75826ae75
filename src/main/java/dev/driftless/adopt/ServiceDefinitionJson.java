package dev.driftless.adopt;

import dev.driftless.plan.ServiceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a service definition in CreateService's JSON shape (ecspresso's {@code ecs-service-def.json}, or what
 * {@code aws ecs describe-services} prints for one service) into the settings driftless compares, with ECS's
 * defaults: launchType FARGATE is the FARGATE provider at weight 1, propagateTags NONE, circuit breaker off.
 */
public final class ServiceDefinitionJson {
    /** The service's name (null when the file does not say), settings and tags. */
    public record Read(String name, ServiceSettings settings, Map<String, String> tags) {
    }

    private ServiceDefinitionJson() {
    }

    public static Read read(Map<String, ?> raw) {
        List<ServiceSettings.CapacityItem> strategy = new ArrayList<>();
        for (Map<String, Object> i : maps(raw.get("capacityProviderStrategy"))) {
            strategy.add(new ServiceSettings.CapacityItem(String.valueOf(i.get("capacityProvider")),
                    integer(i.get("weight")), integer(i.get("base"))));
        }
        if (strategy.isEmpty() && (raw.get("launchType") == null || "FARGATE".equals(raw.get("launchType")))) {
            strategy.add(new ServiceSettings.CapacityItem("FARGATE", 1, 0));
        }
        Map<String, Object> vpc = map(map(raw.get("networkConfiguration")).get("awsvpcConfiguration"));
        ServiceSettings.NetworkSettings network = vpc.isEmpty() ? null : new ServiceSettings.NetworkSettings(
                strings(vpc.get("subnets")), strings(vpc.get("securityGroups")), "ENABLED".equals(vpc.get("assignPublicIp")));
        List<ServiceSettings.LoadBalancerBinding> lbs = maps(raw.get("loadBalancers")).stream()
                .map(l -> new ServiceSettings.LoadBalancerBinding(text(l.get("targetGroupArn")), text(l.get("containerName")),
                        integer(l.get("containerPort"))))
                .toList();
        Map<String, Object> cb = map(map(raw.get("deploymentConfiguration")).get("deploymentCircuitBreaker"));
        Map<String, String> tags = new LinkedHashMap<>();
        maps(raw.get("tags")).forEach(t -> tags.put(text(t.getOrDefault("key", t.get("Key"))),
                text(t.getOrDefault("value", t.get("Value")))));
        ServiceSettings settings = new ServiceSettings(integer(raw.get("desiredCount")), strategy, network, lbs,
                Boolean.TRUE.equals(cb.get("enable")), Boolean.TRUE.equals(cb.get("rollback")),
                raw.get("propagateTags") == null ? "NONE" : text(raw.get("propagateTags")));
        return new Read(text(raw.get("serviceName")), settings, tags);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("expected an object, not " + v);
    }

    private static List<Map<String, Object>> maps(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list of objects, not " + v);
        }
        return l.stream().map(ServiceDefinitionJson::map).toList();
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static int integer(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, not " + v, e);
        }
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
