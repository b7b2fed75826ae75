package dev.driftless.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A tiny in-process stand-in for ECS and STS on a loopback port, for the offline workload that trains the
 * JVM's ahead-of-time cache: it answers the calls one deploy makes (create, then update, of one service)
 * with the shapes ECS documents, and keeps just enough state for the second deploy to find the first.
 * It models no failures, no capacity and no timing: every rollout is complete on the first poll.
 */
public final class OfflineEcs implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> services = new HashMap<>();
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
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            String op = target.substring(target.indexOf('.') + 1);
            JsonNode answer = answer(op, request);
            if (answer == null) {
                status = 400;
                answer = JSON.createObjectNode().put("__type", "InvalidParameterException").put("message", op + " is not modelled offline");
            }
            response = JSON.writeValueAsString(answer);
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized JsonNode answer(String op, JsonNode request) {
        return switch (op) {
            case "DescribeServices" -> describeServices(request);
            case "RegisterTaskDefinition" -> register(request);
            case "CreateService" -> JSON.createObjectNode().set("service", create(request));
            case "UpdateService" -> JSON.createObjectNode().set("service", update(request));
            case "TagResource", "UntagResource" -> tag(request);
            case "DeregisterTaskDefinition" -> JSON.createObjectNode().set("taskDefinition",
                    JSON.createObjectNode().put("taskDefinitionArn", request.path("taskDefinition").asText()).put("status", "INACTIVE"));
            case "ListTasks" -> JSON.createObjectNode().set("taskArns", JSON.createArrayNode());
            default -> null;
        };
    }

    private JsonNode describeServices(JsonNode request) {
        ArrayNode found = JSON.createArrayNode();
        ArrayNode failures = JSON.createArrayNode();
        for (JsonNode name : request.path("services")) {
            ObjectNode s = services.get(name.asText());
            if (s != null) {
                found.add(s);
            } else {
                failures.add(JSON.createObjectNode().put("arn", serviceArn(name.asText())).put("reason", "MISSING"));
            }
        }
        ObjectNode r = JSON.createObjectNode();
        r.set("services", found);
        r.set("failures", failures);
        return r;
    }

    private JsonNode register(JsonNode request) {
        String family = request.path("family").asText();
        int revision = revisions.merge(family, 1, Integer::sum);
        ObjectNode td = ((ObjectNode) request.deepCopy());
        td.remove("tags");
        td.put("taskDefinitionArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + family + ":" + revision);
        td.put("revision", revision);
        td.put("status", "ACTIVE");
        ObjectNode r = JSON.createObjectNode();
        r.set("taskDefinition", td);
        r.set("tags", request.path("tags"));
        return r;
    }

    private ObjectNode create(JsonNode request) {
        String name = request.path("serviceName").asText();
        ObjectNode s = JSON.createObjectNode();
        s.put("serviceName", name);
        s.put("serviceArn", serviceArn(name));
        s.put("clusterArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + request.path("cluster").asText());
        s.put("status", "ACTIVE");
        s.put("desiredCount", request.path("desiredCount").asInt(1));
        s.set("capacityProviderStrategy", request.path("capacityProviderStrategy"));
        s.set("networkConfiguration", request.path("networkConfiguration"));
        s.set("loadBalancers", request.path("loadBalancers"));
        s.set("deploymentConfiguration", request.path("deploymentConfiguration"));
        s.put("propagateTags", request.path("propagateTags").asText("NONE"));
        s.set("tags", request.path("tags").isMissingNode() ? JSON.createArrayNode() : request.path("tags"));
        s.set("events", JSON.createArrayNode());
        rollOut(s, request.path("taskDefinition").asText());
        services.put(name, s);
        return s;
    }

    private ObjectNode update(JsonNode request) {
        ObjectNode s = services.get(request.path("service").asText());
        if (request.has("desiredCount")) {
            s.put("desiredCount", request.path("desiredCount").asInt());
        }
        for (String field : new String[] {"capacityProviderStrategy", "networkConfiguration", "loadBalancers", "deploymentConfiguration"}) {
            if (request.has(field)) {
                s.set(field, request.path(field));
            }
        }
        rollOut(s, request.path("taskDefinition").asText(s.path("taskDefinition").asText()));
        return s;
    }

    /** Every rollout is complete at once: one PRIMARY deployment of the new revision, all tasks running. */
    private static void rollOut(ObjectNode s, String taskDefinition) {
        int desired = s.path("desiredCount").asInt();
        s.put("taskDefinition", taskDefinition);
        s.put("runningCount", desired);
        s.put("pendingCount", 0);
        ArrayNode deployments = JSON.createArrayNode();
        deployments.add(JSON.createObjectNode().put("id", "ecs-svc/" + Math.abs(taskDefinition.hashCode()))
                .put("status", "PRIMARY").put("taskDefinition", taskDefinition).put("desiredCount", desired)
                .put("runningCount", desired).put("pendingCount", 0).put("failedTasks", 0).put("rolloutState", "COMPLETED"));
        s.set("deployments", deployments);
    }

    private JsonNode tag(JsonNode request) {
        String arn = request.path("resourceArn").asText();
        ObjectNode s = services.get(arn.substring(arn.lastIndexOf('/') + 1));
        if (s != null && request.has("tags")) {
            Map<String, String> tags = new java.util.LinkedHashMap<>();
            s.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
            request.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
            ArrayNode all = JSON.createArrayNode();
            tags.forEach((k, v) -> all.add(JSON.createObjectNode().put("key", k).put("value", v)));
            s.set("tags", all);
        }
        return JSON.createObjectNode();
    }

    private String serviceArn(String name) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":service/offline/" + name;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
