package dev.driftless.spec;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A service's own settings: a legal ECR repository name, ports, health-check bounds ECS accepts,
 * scaling that can hold its desired count (per environment, overrides applied), and plain-text
 * environment variables whose names say they are secrets.
 */
final class ServiceRules implements SpecRule {
    /** ECR's repository name rule: lower-case components separated by '/', each with inner '.', '_' or '-'. */
    static final Pattern ECR_REPOSITORY = Pattern.compile(
            "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "NONE");
    static final List<String> ENCRYPTIONS = List.of(ImageSpec.AES256, ImageSpec.KMS);
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY).*");

    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.services().forEach((name, s) -> {
            String path = "services." + name;
            image(s.image(), path + ".image", problems);
            if (s.port() != null && (s.port() < 1 || s.port() > 65535)) {
                problems.error(path + ".port", "port " + s.port() + " is not between 1 and 65535");
            }
            for (int i = 0; i < s.shape().ports().size(); i++) {
                port(s.shape().ports().get(i), path + ".ports[" + i + "]", problems);
            }
            if (s.loadBalancer() != null && s.port() != null && s.loadBalancer().containerPort() != s.port()
                    && s.shape().ports().stream().noneMatch(p -> p.containerPort() == s.loadBalancer().containerPort())
                    && problems.locations().has(path + ".loadBalancer.containerPort")) {
                problems.error(path + ".loadBalancer.containerPort", "containerPort " + s.loadBalancer().containerPort()
                        + " is not the service's port " + s.port() + "; the load balancer can only reach a port the container maps");
            }
            if (s.healthCheck() != null) {
                healthCheck(s.healthCheck(), path + ".healthCheck", problems);
            }
            if (s.command().isEmpty() && problems.locations().has(path + ".command")) {
                problems.error(path + ".command", "command is empty; leave it out to use the image's own");
            }
            if (s.desiredCount() < 0) {
                problems.error(path + ".desiredCount", "desiredCount " + s.desiredCount() + " is negative");
            }
            scaling(s.autoscaling(), s.desiredCount(), path, path + ".autoscaling", null, problems);
            s.overrides().forEach((env, o) -> {
                String at = path + ".overrides." + env;
                if (o.desiredCount() != null && o.desiredCount() < 0) {
                    problems.error(at + ".desiredCount", "desiredCount " + o.desiredCount() + " is negative");
                }
                if (o.desiredCount() != null || o.autoscaling() != null) {
                    int desired = o.desiredCount() != null ? o.desiredCount() : s.desiredCount();
                    Autoscaling scaling = o.autoscaling() != null ? o.autoscaling() : s.autoscaling();
                    scaling(scaling, desired, at, o.autoscaling() != null ? at + ".autoscaling" : path + ".autoscaling",
                            env, problems);
                }
                plainSecrets(o.environment().keySet(), at + ".environment", problems);
            });
            plainSecrets(s.environment().keySet(), path + ".environment", problems);
        });
    }

    static void image(ImageSpec image, String path, Problems problems) {
        if (image == null) {
            return;
        }
        String repo = image.repository();
        if (repo != null && (repo.contains(".dkr.ecr.") || repo.contains(":"))) {
            problems.error(path + ".repository", "'" + repo + "' is an image reference; give the ECR repository name "
                    + "alone (like durable-code-backend), not the registry URI or a tag");
        } else if (repo != null && (repo.length() < 2 || repo.length() > 256 || !ECR_REPOSITORY.matcher(repo).matches())) {
            problems.error(path + ".repository", "'" + repo + "' is not a legal ECR repository name: lower-case letters "
                    + "and digits, with '.', '_', '-' inside a part and '/' between parts, 2 to 256 characters");
        }
        if (!SEVERITIES.contains(image.scan().failOn())) {
            problems.error(path + ".scan.failOn", "failOn '" + image.scan().failOn() + "' is not one of "
                    + String.join(", ", SEVERITIES) + DidYouMean.hint(image.scan().failOn(), SEVERITIES));
        }
        if (!ENCRYPTIONS.contains(image.encryption())) {
            problems.error(path + ".encryption", "encryption '" + image.encryption() + "' is not one of "
                    + String.join(", ", ENCRYPTIONS) + DidYouMean.hint(image.encryption(), ENCRYPTIONS));
        } else if (image.kmsKey() != null && !ImageSpec.KMS.equals(image.encryption())) {
            problems.error(path + ".kmsKey", "kmsKey is set but encryption is " + image.encryption()
                    + "; ECR uses a KMS key only with encryption: KMS — set that, or remove kmsKey");
        }
        if (image.lifecycle().keepTagged() < 1) {
            problems.error(path + ".lifecycle.keepTagged", "keepTagged must be at least 1, or rollbacks have nothing to go back to");
        }
        if (image.lifecycle().untaggedDays() < 1) {
            problems.error(path + ".lifecycle.untaggedDays", "untaggedDays must be at least 1");
        }
    }

    static void healthCheck(HealthCheck h, String path, Problems problems) {
        if (!h.command().isEmpty() && !List.of("CMD", "CMD-SHELL").contains(h.command().get(0))) {
            problems.error(path + ".command", "a health check command starts with CMD or CMD-SHELL, e.g. "
                    + "[\"CMD-SHELL\", \"curl -fs localhost:8000/health || exit 1\"]");
        }
        range(h.interval(), 5, 300, path + ".interval", "interval", problems);
        range(h.timeout(), 2, 60, path + ".timeout", "timeout", problems);
        range(h.retries(), 1, 10, path + ".retries", "retries", problems);
        range(h.startPeriod(), 0, 300, path + ".startPeriod", "startPeriod", problems);
        if (h.timeout() >= h.interval() && h.interval() >= 5) {
            problems.error(path + ".timeout", "timeout " + h.timeout() + "s must be shorter than interval " + h.interval() + "s");
        }
    }

    private static void range(int value, int min, int max, String path, String what, Problems problems) {
        if (value < min || value > max) {
            problems.error(path, what + " " + value + " is outside what ECS accepts (" + min + " to " + max + ")");
        }
    }

    private static void scaling(Autoscaling a, int desired, String servicePath, String path, String env,
            Problems problems) {
        if (a == null) {
            return;
        }
        String where = env == null ? "" : " in " + env;
        boolean sane = true;
        if (a.min() < 0) {
            problems.error(path + ".min", "min " + a.min() + " is negative");
            sane = false;
        }
        if (a.max() < 1) {
            sane = false;
            problems.error(path + ".max", "max " + a.max() + " must be at least 1");
        } else if (a.min() > a.max()) {
            problems.error(path + ".min", "min " + a.min() + " is above max " + a.max() + where);
            sane = false;
        } else if (desired < a.min() || desired > a.max()) {
            problems.warning(servicePath + ".desiredCount", "desiredCount " + desired + where + " is outside autoscaling "
                    + a.min() + "–" + a.max() + "; Application Auto Scaling will move it into that range");
        }
        percent(a.cpuPercent(), path + ".cpuPercent", problems);
        percent(a.memoryPercent(), path + ".memoryPercent", problems);
        if (sane && a.cpuPercent() == null && a.memoryPercent() == null && a.min() != a.max()) {
            problems.warning(path, "no cpuPercent or memoryPercent: nothing will scale between min and max");
        }
    }

    private static void percent(Integer value, String path, Problems problems) {
        if (value != null && (value < 1 || value > 100)) {
            problems.error(path, value + " is not a percentage between 1 and 100");
        }
    }

    private static void plainSecrets(Iterable<String> names, String path, Problems problems) {
        for (String n : names) {
            if (SECRET_NAME.matcher(n.toUpperCase(Locale.ROOT)).matches()) {
                problems.warning(path + "." + n, n + " looks like a secret but is a plain environment variable, "
                        + "visible in the task definition; move it to 'secrets' as an SSM or Secrets Manager ARN");
            }
        }
    }

    private static void port(TaskShape.Port p, String path, Problems problems) {
        if (p.containerPort() < 1 || p.containerPort() > 65535) {
            problems.error(path + ".containerPort", "port " + p.containerPort() + " is not between 1 and 65535");
        }
        if (!java.util.Set.of("tcp", "udp").contains(p.protocol())) {
            problems.error(path + ".protocol", "protocol '" + p.protocol() + "' is not tcp or udp");
        }
        if (p.appProtocol() != null && !java.util.Set.of("http", "http2", "grpc").contains(p.appProtocol())) {
            problems.error(path + ".appProtocol", "appProtocol '" + p.appProtocol() + "' is not http, http2 or grpc");
        }
    }
}
