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
 * The jobs that change an environment queue on one concurrency group per environment and are never
 * cancelled midway (a cancelled deploy is a half-applied one); deploy's per-service matrix jobs keep a group
 * per service (one group per environment would cancel the matrix's pending jobs) under the same prefix.
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
            "deploy.yml, deploy-dev, driftless-dev-${{ matrix.application }}-${{ matrix.service }}",
            "deploy.yml, deploy-prod, driftless-prod-${{ matrix.application }}-${{ matrix.service }}"})
    void jobsThatChangeAnEnvironmentQueueOnItsGroupAndAreNotCancelled(String workflow, String job, String group)
            throws Exception {
        Map<String, Object> c = concurrency(workflow, job);

        assertThat(c).containsEntry("group", group).containsEntry("cancel-in-progress", false);
    }
}
