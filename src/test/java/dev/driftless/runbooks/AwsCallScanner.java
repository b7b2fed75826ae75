package dev.driftless.runbooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the AWS actions the main code calls, by reading its source: every call of an SDK client's
 * operation ({@code ecs.describeServices(}, {@code scaling.describeScalableTargetsPaginator(},
 * {@code ecs.waiter().waitUntilServicesStable(}) and every target of the Cost Explorer JSON client
 * ({@code call("GetCostAndUsage", ...)}), each mapped to its IAM action ({@code ecs:DescribeServices}).
 * Operation names come from the SDK interfaces by reflection, so a new operation needs no table entry.
 */
final class AwsCallScanner {
    /** An SDK client interface (or waiter) and the IAM prefix of its service. */
    private record Client(String javaPackage, String type, String iamPrefix) {
    }

    private static final List<Client> CLIENTS = List.of(
            new Client("software.amazon.awssdk.services.ecs", "EcsClient", "ecs"),
            new Client("software.amazon.awssdk.services.ecs", "waiters.EcsWaiter", "ecs"),
            new Client("software.amazon.awssdk.services.ecr", "EcrClient", "ecr"),
            new Client("software.amazon.awssdk.services.ecr", "waiters.EcrWaiter", "ecr"),
            new Client("software.amazon.awssdk.services.sts", "StsClient", "sts"),
            new Client("software.amazon.awssdk.services.applicationautoscaling", "ApplicationAutoScalingClient",
                    "application-autoscaling"));

    /** The Cost Explorer JSON client names its operations as strings: call("GetCostAndUsage", body). */
    private static final Pattern CE_CALL = Pattern.compile("\\bcall\\(\\s*\"([A-Z][A-Za-z]+)\"");
    private static final String CE_TARGET_PREFIX = "AWSInsightsIndexService";
    /** The CloudWatch Logs JSON client names its one operation in its X-Amz-Target constant. */
    private static final Pattern LOGS_TARGET = Pattern.compile("\"Logs_20140328\\.([A-Z][A-Za-z]+)\"");

    private static final Pattern CALL = Pattern.compile("\\.\\s*([a-z][A-Za-z0-9]*)\\s*\\(");

    /** A place in the source where an action is called. */
    record Site(Path file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private final Map<String, Map<String, String>> methodsByPackage = new HashMap<>();

    AwsCallScanner() {
        for (Client c : CLIENTS) {
            Map<String, String> ops = methodsByPackage.computeIfAbsent(c.javaPackage(), k -> new HashMap<>());
            operations(c).forEach((method, op) -> ops.putIfAbsent(method, c.iamPrefix() + ":" + op));
        }
    }

    /** Every IAM action called under {@code root}, with where. */
    Map<String, List<Site>> scan(Path root) {
        Map<String, List<Site>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                scanFile(f, Files.readString(f), found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private void scanFile(Path file, String source, Map<String, List<Site>> found) {
        Map<String, String> ops = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : methodsByPackage.entrySet()) {
            // a file can only call a client whose package it imports (or names in full)
            if (source.contains(e.getKey() + ".")) {
                e.getValue().forEach(ops::putIfAbsent);
            }
        }
        if (!ops.isEmpty()) {
            Matcher m = CALL.matcher(source);
            while (m.find()) {
                String action = ops.get(m.group(1));
                if (action != null && !isComment(source, m.start())) {
                    found.computeIfAbsent(action, k -> new ArrayList<>()).add(new Site(file, line(source, m.start())));
                }
            }
        }
        Matcher logs = LOGS_TARGET.matcher(source);
        while (logs.find()) {
            found.computeIfAbsent("logs:" + logs.group(1), k -> new ArrayList<>()).add(new Site(file, line(source, logs.start())));
        }
        if (source.contains(CE_TARGET_PREFIX)) {
            Matcher m = CE_CALL.matcher(source);
            while (m.find()) {
                if (!isComment(source, m.start())) {
                    found.computeIfAbsent("ce:" + m.group(1), k -> new ArrayList<>()).add(new Site(file, line(source, m.start())));
                }
            }
        }
    }

    /** method name → operation name, from the request types the SDK methods take. */
    private static Map<String, String> operations(Client c) {
        Map<String, String> ops = new HashMap<>();
        Class<?> type;
        try {
            type = Class.forName(c.javaPackage() + "." + c.type());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("SDK interface " + c.type() + " is not on the test classpath", e);
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 1) {
                continue;
            }
            // the request overload names the operation; the Consumer<Builder> overload shares its method name
            Class<?> p = m.getParameterTypes()[0];
            if (p.getName().startsWith(c.javaPackage() + ".model.") && p.getSimpleName().endsWith("Request")) {
                ops.put(m.getName(), p.getSimpleName().substring(0, p.getSimpleName().length() - "Request".length()));
            }
        }
        return ops;
    }

    private static boolean isComment(String source, int offset) {
        int lineStart = source.lastIndexOf('\n', offset) + 1;
        String before = source.substring(lineStart, offset).trim();
        return before.startsWith("//") || before.startsWith("*") || before.startsWith("/*");
    }

    private static int line(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Actions that need no permission: STS identity is always allowed; web identity is governed by the trust policy. */
    static final Set<String> NEED_NO_PERMISSION = Set.of("sts:GetCallerIdentity", "sts:AssumeRoleWithWebIdentity");

    /**
     * Actions AWS checks on the caller's behalf when driftless calls another one, with the reason.
     * (They do not appear as SDK calls, yet the deploy fails without them.)
     */
    static final Map<String, Map<String, String>> IMPLIED = Map.of(
            "ecs:RegisterTaskDefinition", Map.of(
                    "iam:PassRole", "the task definition names the execution and task roles",
                    "ecs:TagResource", "task definitions are tagged when registered"),
            "ecs:CreateService", Map.of("ecs:TagResource", "services are tagged when created"),
            "ecs:RunTask", Map.of(
                    "iam:PassRole", "a one-off task runs with the definition's execution and task roles",
                    "ecs:TagResource", "one-off tasks are tagged when started"),
            "application-autoscaling:PutScalingPolicy", Map.of(
                    "cloudwatch:PutMetricAlarm", "target tracking creates its alarms",
                    "cloudwatch:DescribeAlarms", "target tracking reads its alarms",
                    "cloudwatch:DeleteAlarms", "target tracking replaces its alarms"),
            "application-autoscaling:DeleteScalingPolicy", Map.of(
                    "cloudwatch:DeleteAlarms", "deleting a target-tracking policy deletes its alarms"),
            "application-autoscaling:DeregisterScalableTarget", Map.of(
                    "cloudwatch:DescribeAlarms", "deregistering deletes the target's policies and reads their alarms",
                    "cloudwatch:DeleteAlarms", "deregistering deletes the alarms of the target's target-tracking policies"),
            "application-autoscaling:RegisterScalableTarget", Map.of(
                    "ecs:DescribeServices", "Application Auto Scaling checks the service",
                    "ecs:UpdateService", "Application Auto Scaling changes the service's desired count"),
            "ecr:CreateRepository", Map.of(
                    "kms:CreateGrant", "ECR grants itself the key of a KMS-encrypted repository as the caller",
                    "kms:DescribeKey", "ECR resolves the key of a KMS-encrypted repository as the caller",
                    "kms:RetireGrant", "ECR's documented permissions for creating a KMS-encrypted repository"),
            "ecr:GetAuthorizationToken", Map.of(
                    "ecr:BatchCheckLayerAvailability", "docker push with the token",
                    "ecr:InitiateLayerUpload", "docker push with the token",
                    "ecr:UploadLayerPart", "docker push with the token",
                    "ecr:CompleteLayerUpload", "docker push with the token",
                    "ecr:PutImage", "docker push with the token",
                    "ecr:BatchGetImage", "docker pull with the token (cached layers in build; the images test.inImage runs)",
                    "ecr:GetDownloadUrlForLayer", "docker pull of the images test.inImage runs, with the token"));

    /** Every action the policy must allow: called (minus the free ones) plus implied, each with why. */
    Map<String, String> required(Path root) {
        Map<String, String> required = new TreeMap<>();
        scan(root).forEach((action, sites) -> {
            if (!NEED_NO_PERMISSION.contains(action)) {
                required.putIfAbsent(action, "called at " + sites.get(0));
                IMPLIED.getOrDefault(action, Map.of()).forEach((implied, why) ->
                        required.putIfAbsent(implied, why + " (" + action + " at " + sites.get(0) + ")"));
            }
        });
        return required;
    }

    /** The actions of {@code required} that no Allow statement's Action matches (wildcards honoured). */
    static Set<String> missing(Map<String, String> required, Set<String> allowed) {
        Set<String> missing = new TreeSet<>();
        for (String action : required.keySet()) {
            if (allowed.stream().noneMatch(a -> matches(a, action))) {
                missing.add(action);
            }
        }
        return missing;
    }

    /**
     * The policy's actions that match nothing in {@code required}: each one widens the deploy role
     * without anything needing it.
     */
    static Set<String> unneeded(Map<String, String> required, Set<String> allowed) {
        Set<String> unneeded = new TreeSet<>();
        for (String pattern : allowed) {
            if (required.keySet().stream().noneMatch(action -> matches(pattern, action))) {
                unneeded.add(pattern);
            }
        }
        return unneeded;
    }

    static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }
}
