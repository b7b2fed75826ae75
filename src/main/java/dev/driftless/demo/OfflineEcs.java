package dev.driftless.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import dev.driftless.render.JsonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A tiny in-process stand-in for ECS and STS on a loopback port, for the offline workload that trains the
 * JVM's ahead-of-time cache: it answers the calls one deploy makes (create, then update, of one service)
 * with the shapes ECS documents, and keeps just enough state for the second deploy to find the first.
 * It models no failures, no capacity and no timing: every rollout is complete on the first poll. It reads
 * and writes JSON with what a deploy loads anyway (the SDK's parser, {@link JsonText}), so the cache holds
 * no classes a real run would not use.
 */
public final class OfflineEcs implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";
    private final HttpServer server;
    private final Map<String, Map<String, Object>> services = new HashMap<>();
    private final Map<String, String> clusterTags = new LinkedHashMap<>();
    private final Map<String, Integer> revisions = new HashMap<>();
    private final String region;

    public OfflineEcs(String region) throws IOException {
        this.region = region;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String response;
        String type = "application/x-amz-json-1.1";
        int status = 200;
        if (target == null) {
            type = "text/xml";
            response = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::" + ACCOUNT + ":user/offline</Arn><UserId>AIDAOFFLINE</UserId><Account>" + ACCOUNT
                    + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                    + "</GetCallerIdentityResponse>";
        } else {
            Map<String, Object> request = body.length == 0 ? Map.of() : object(plain(JsonNode.parser().parse(body)));
            String op = target.substring(target.indexOf('.') + 1);
            Object answer = answer(op, request);
            if (answer == null) {
                status = 400;
                answer = Map.of("__type", "InvalidParameterException", "message", op + " is not modelled offline");
            }
            response = JsonText.compact(answer);
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Object answer(String op, Map<String, Object> request) {
        return switch (op) {
            case "DescribeServices" -> describeServices(request);
            case "RegisterTaskDefinition" -> register(request);
            case "CreateService" -> Map.of("service", create(request));
            case "UpdateService" -> Map.of("service", update(request));
            case "DescribeClusters" -> Map.of("clusters", List.of(Map.of("clusterArn", clusterArn(), "clusterName",
                    "offline", "status", "ACTIVE", "tags", tagList(clusterTags))), "failures", List.of());
            case "TagResource", "UntagResource" -> text(request, "resourceArn", "").equals(clusterArn())
                    ? tagCluster(op, request) : tag(request);
            case "DeregisterTaskDefinition" -> Map.of("taskDefinition",
                    Map.of("taskDefinitionArn", text(request, "taskDefinition", ""), "status", "INACTIVE"));
            case "ListTasks" -> Map.of("taskArns", List.of());
            default -> null;
        };
    }

    private Object describeServices(Map<String, Object> request) {
        List<Object> found = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (Object name : list(request.get("services"))) {
            Map<String, Object> s = services.get(String.valueOf(name));
            if (s != null) {
                found.add(s);
            } else {
                failures.add(Map.of("arn", serviceArn(String.valueOf(name)), "reason", "MISSING"));
            }
        }
        return Map.of("services", found, "failures", failures);
    }

    private Object register(Map<String, Object> request) {
        String family = text(request, "family", "offline");
        int revision = revisions.merge(family, 1, Integer::sum);
        Map<String, Object> td = new LinkedHashMap<>(request);
        td.remove("tags");
        td.put("taskDefinitionArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + family + ":" + revision);
        td.put("revision", revision);
        td.put("status", "ACTIVE");
        return Map.of("taskDefinition", td, "tags", list(request.get("tags")));
    }

    private Map<String, Object> create(Map<String, Object> request) {
        String name = text(request, "serviceName", "offline");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serviceName", name);
        s.put("serviceArn", serviceArn(name));
        s.put("clusterArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + text(request, "cluster", "default"));
        s.put("status", "ACTIVE");
        s.put("desiredCount", request.getOrDefault("desiredCount", 1L));
        for (String field : SETTINGS) {
            if (request.containsKey(field)) {
                s.put(field, request.get(field));
            }
        }
        s.put("propagateTags", text(request, "propagateTags", "NONE"));
        s.put("tags", list(request.get("tags")));
        s.put("events", List.of());
        rollOut(s, text(request, "taskDefinition", ""));
        services.put(name, s);
        return s;
    }

    private static final String[] SETTINGS = {"capacityProviderStrategy", "networkConfiguration", "loadBalancers",
        "deploymentConfiguration"};

    private Map<String, Object> update(Map<String, Object> request) {
        Map<String, Object> s = services.get(text(request, "service", ""));
        if (request.containsKey("desiredCount")) {
            s.put("desiredCount", request.get("desiredCount"));
        }
        for (String field : SETTINGS) {
            if (request.containsKey(field)) {
                s.put(field, request.get(field));
            }
        }
        rollOut(s, text(request, "taskDefinition", String.valueOf(s.get("taskDefinition"))));
        return s;
    }

    /** Every rollout is complete at once: one PRIMARY deployment of the new revision, all tasks running. */
    private static void rollOut(Map<String, Object> s, String taskDefinition) {
        Object desired = s.get("desiredCount");
        s.put("taskDefinition", taskDefinition);
        s.put("runningCount", desired);
        s.put("pendingCount", 0);
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("id", "ecs-svc/" + Math.abs(taskDefinition.hashCode()));
        deployment.put("status", "PRIMARY");
        deployment.put("taskDefinition", taskDefinition);
        deployment.put("desiredCount", desired);
        deployment.put("runningCount", desired);
        deployment.put("pendingCount", 0);
        deployment.put("failedTasks", 0);
        deployment.put("rolloutState", "COMPLETED");
        s.put("deployments", List.of(deployment));
    }

    /** The environment's lease lives in the cluster's tags (see engine's lease). */
    private Object tagCluster(String op, Map<String, Object> request) {
        if (op.equals("UntagResource")) {
            list(request.get("tagKeys")).forEach(k -> clusterTags.remove(String.valueOf(k)));
        } else {
            for (Object t : list(request.get("tags"))) {
                clusterTags.put(text(object(t), "key", ""), text(object(t), "value", ""));
            }
        }
        return Map.of();
    }

    private static List<Object> tagList(Map<String, String> tags) {
        List<Object> all = new ArrayList<>();
        tags.forEach((k, v) -> all.add(Map.of("key", k, "value", v)));
        return all;
    }

    private String clusterArn() {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/offline";
    }

    private Object tag(Map<String, Object> request) {
        String arn = text(request, "resourceArn", "");
        Map<String, Object> s = services.get(arn.substring(arn.lastIndexOf('/') + 1));
        if (s != null) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Object t : list(s.get("tags"))) {
                tags.put(text(object(t), "key", ""), text(object(t), "value", ""));
            }
            for (Object t : list(request.get("tags"))) {
                tags.put(text(object(t), "key", ""), text(object(t), "value", ""));
            }
            List<Object> all = new ArrayList<>();
            tags.forEach((k, v) -> all.add(Map.of("key", k, "value", v)));
            s.put("tags", all);
        }
        return Map.of();
    }

    /** The SDK's JSON tree as maps, lists, strings, longs and booleans. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            node.asObject().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.asArray().forEach(v -> l.add(plain(v)));
            return l;
        }
        if (node.isNumber()) {
            return Long.valueOf(node.asNumber());
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() ? null : node.asString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Map<String, Object> map, String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private String serviceArn(String name) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":service/offline/" + name;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
