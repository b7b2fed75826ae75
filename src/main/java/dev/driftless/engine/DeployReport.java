package dev.driftless.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of a deploy or rollback run over one environment. */
public record DeployReport(String environment, String cluster, boolean dryRun, List<ServiceResult> services) {

    public DeployReport {
        services = List.copyOf(services);
    }

    public boolean ok() {
        return services.stream().allMatch(ServiceResult::ok);
    }

    /**
     * Service → the task-definition ARN it runs now (services that exist); when what runs could not be told
     * (the service vanished, its state could not be re-read), the revision this run registered for it.
     */
    public Map<String, String> taskDefinitionArns() {
        Map<String, String> m = new LinkedHashMap<>();
        services.stream().filter(s -> s.taskDefinitionArn() != null || s.attempted() != null)
                .forEach(s -> m.put(s.service(), s.taskDefinitionArn() != null ? s.taskDefinitionArn() : s.attempted()));
        return m;
    }

    public List<String> with(ServiceResult.Outcome... outcomes) {
        List<ServiceResult.Outcome> wanted = List.of(outcomes);
        return services.stream().filter(s -> wanted.contains(s.outcome())).map(ServiceResult::service).toList();
    }
}
