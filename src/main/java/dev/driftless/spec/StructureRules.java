package dev.driftless.spec;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec's frame: apiVersion and kind, names AWS and GitHub accept, at least one environment and
 * service, and overrides that name an environment that exists.
 */
final class StructureRules implements SpecRule {
    /** ECS service and cluster names: letters, digits, '-' and '_', up to 255. */
    static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /** Application and environment names end up in tags, log streams and GitHub environments. */
    static final Pattern SIMPLE_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    @Override
    public void check(DeploySpec spec, Problems problems) {
        if (spec.apiVersion() != null && !DeploySpec.API_VERSION.equals(spec.apiVersion())) {
            problems.error("apiVersion", "apiVersion is '" + spec.apiVersion() + "'; this driftless reads '"
                    + DeploySpec.API_VERSION + "'");
        }
        if (spec.kind() != null && !DeploySpec.KIND.equals(spec.kind())) {
            problems.error("kind", "kind is '" + spec.kind() + "'; a deploy-spec is kind '" + DeploySpec.KIND + "'");
        }
        if (spec.name() != null && !SIMPLE_NAME.matcher(spec.name()).matches()) {
            problems.error("name", "application name '" + spec.name()
                    + "' must be lower-case letters, digits and '-' (at most 64), starting and ending with a letter or digit");
        }
        if (problems.locations().has("environments") && spec.environments().isEmpty()) {
            problems.error("environments", "no environments; declare at least one (e.g. dev)");
        }
        if (problems.locations().has("services") && spec.services().isEmpty()) {
            problems.error("services", "no services; declare at least one");
        }
        spec.environments().forEach((name, env) -> {
            String path = "environments." + name;
            if (!SIMPLE_NAME.matcher(name).matches()) {
                problems.error(path, "environment name '" + name
                        + "' must be lower-case letters, digits and '-' (at most 64)");
            }
            if (env.cluster() != null && !ECS_NAME.matcher(env.cluster()).matches()) {
                problems.error(path + ".cluster", "cluster name '" + env.cluster()
                        + "' may hold only letters, digits, '-' and '_' (at most 255)");
            }
        });
        spec.services().forEach((name, service) -> {
            String path = "services." + name;
            if (!ECS_NAME.matcher(name).matches()) {
                problems.error(path, "service name '" + name
                        + "' may hold only letters, digits, '-' and '_' (at most 255): it becomes the ECS service name");
            }
            overrides(spec, name, service.overrides(), problems);
        });
    }

    private static void overrides(DeploySpec spec, String service, Map<String, ServiceOverride> overrides,
            Problems problems) {
        List<String> known = List.copyOf(spec.environments().keySet());
        if (!problems.locations().has("environments")) {
            return; // the missing environments are reported already; every override would be noise
        }
        for (String env : overrides.keySet()) {
            if (!problems.locations().has("environments." + env)) {
                problems.error("services." + service + ".overrides." + env, "override for unknown environment '" + env + "'"
                        + DidYouMean.hint(env, known)
                        + (known.isEmpty() ? "" : " (environments: " + String.join(", ", known) + ")"));
            }
        }
    }
}
