package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The jobs that change an environment (deploy, rollback, schedule) and the drift check that reads it queue on one
 * concurrency group per environment, {@code driftless-<env>}, and are never cancelled midway (a cancelled deploy is
 * a half-applied one).
 */
class WorkflowConcurrencyTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> concurrency(String workflow, String job) throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of(".github/workflows", workflow))) {
            Map<String, Object> jobs = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(r)).get("jobs");
            return (Map<String, Object>) ((Map<String, Object>) jobs.get(job)).get("concurrency");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "rollback.yml, rollback, driftless-${{ inputs.environment }}",
            "schedule.yml, reconcile, driftless-${{ matrix.environment }}",
            "schedule.yml, wake-up, driftless-${{ inputs.environment }}",
            "deploy.yml, deploy-dev, driftless-dev",
            "deploy.yml, deploy-prod, driftless-prod",
            "drift.yml, drift, driftless-${{ matrix.environment }}"})
    void jobsThatChangeAnEnvironmentQueueOnItsGroupAndAreNotCancelled(String workflow, String job, String group)
            throws Exception {
        Map<String, Object> c = concurrency(workflow, job);

        assertThat(c).containsEntry("group", group).containsEntry("cancel-in-progress", false);
    }
}
