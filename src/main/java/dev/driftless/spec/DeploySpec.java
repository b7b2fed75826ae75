package dev.driftless.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One application's deploy-spec ({@code deploy-specs/<name>.yaml}), after loading and defaulting.
 * A spec that reached this record passed validation; consumers may rely on required fields.
 *
 * @param file the spec's path as given by the user, for messages
 */
public record DeploySpec(
        String file,
        String apiVersion,
        String kind,
        String name,
        String account,
        String region,
        Map<String, String> tags,
        Budget budget,
        CostSettings cost,
        TrackerSpec tracker,
        DeploySettings deploy,
        Map<String, EnvironmentSpec> environments,
        Map<String, ServiceSpec> services,
        Roles roles,
        Logs logs,
        TestSpec test,
        Map<String, OneOffTask> tasks) {

    public static final String API_VERSION = "driftless/v1";
    public static final String KIND = "Application";

    public DeploySpec {
        tags = Maps.copy(tags);
        environments = Maps.copy(environments);
        services = Maps.copy(services);
        budget = budget == null ? Budget.NONE : budget;
        cost = cost == null ? CostSettings.DEFAULT : cost;
        deploy = deploy == null ? DeploySettings.DEFAULT : deploy;
        test = test == null ? TestSpec.NONE : test;
        tasks = Maps.copy(tasks);
    }

    /** A spec without one-off tasks. */
    public DeploySpec(String file, String apiVersion, String kind, String name, String account, String region,
            Map<String, String> tags, Budget budget, CostSettings cost, TrackerSpec tracker, DeploySettings deploy,
            Map<String, EnvironmentSpec> environments, Map<String, ServiceSpec> services, Roles roles, Logs logs,
            TestSpec test) {
        this(file, apiVersion, kind, name, account, region, tags, budget, cost, tracker, deploy, environments, services,
                roles, logs, test, null);
    }

    public Optional<EnvironmentSpec> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    /** Each service as it runs in one environment, overrides applied, in spec order. */
    public Map<String, ServiceView> servicesIn(String environment) {
        EnvironmentSpec env = environments.get(environment);
        if (env == null) {
            throw new IllegalArgumentException("no environment " + environment + " in " + name);
        }
        Map<String, ServiceView> views = new LinkedHashMap<>();
        services.forEach((n, s) -> views.put(n, s.in(env)));
        return java.util.Collections.unmodifiableMap(views);
    }

    /** Tags for every resource in an environment: the spec's tags plus the ones driftless owns. */
    public Map<String, String> resourceTags(String environment) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put("driftless:application", name);
        all.put("driftless:environment", environment);
        return java.util.Collections.unmodifiableMap(all);
    }
}
