package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rollback against moto with rollouts: three commits deployed, then back to one of them. */
class RollbackMotoTest {
    static final String SHA1 = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String SHA2 = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String SHA3 = "3333333ccccccccccccccccccccccccccccccccc";
    static MotoServer moto;
    DeployFixture f;
    MotoNetwork network;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @BeforeEach
    void threeCommitsDeployed() {
        moto.reset();
        f = new DeployFixture(moto.endpoint());
        f.createCluster();
        network = MotoNetwork.create(moto);
        for (String sha : List.of(SHA1, SHA2, SHA3)) {
            assertThat(f.deployCommit(DeployFixture.spec(network), sha, false).ok()).isTrue();
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    String live(String service) {
        return f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services(service)).services().get(0).taskDefinition();
    }

    @Test
    void rollbackToPreviousGoesToTheRevisionBeforeTheLiveOne() {
        DeployReport report = f.rollback(List.of("backend"), "previous");

        assertThat(report.services()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(Outcome.ROLLED_BACK);
            assertThat(s.previous()).endsWith("durable-code-dev-backend:3");
        });
        assertThat(live("backend")).endsWith("durable-code-dev-backend:2");
        assertThat(live("frontend")).endsWith("durable-code-dev-frontend:3");
    }

    @Test
    void rollbackToARevisionNumber() {
        f.rollback(List.of("backend", "frontend"), "revision:1");

        assertThat(live("backend")).endsWith("durable-code-dev-backend:1");
        assertThat(live("frontend")).endsWith("durable-code-dev-frontend:1");
    }

    @Test
    void rollbackToAnAbbreviatedGitShaFindsTheRevisionTaggedWithIt() {
        DeployReport report = f.rollback(List.of("backend"), "sha:2222222");

        assertThat(report.ok()).isTrue();
        assertThat(live("backend")).endsWith("durable-code-dev-backend:2");
        assertThat(report.services().get(0).image()).endsWith("durable-code-backend:" + SHA2);
    }

    @Test
    void rollbackToAnImageTag() {
        f.rollback(List.of("frontend"), "image:" + SHA1);

        assertThat(live("frontend")).endsWith("durable-code-dev-frontend:1");
    }

    @Test
    void aMissingTargetIsAnErrorListingTheCandidatesAndChangesNothing() {
        int mark = f.counter.mark();

        assertThatThrownBy(() -> f.rollback(List.of("backend", "frontend"), "sha:deadbee"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("backend: no ACTIVE revision of durable-code-dev-backend matches sha:deadbee")
                .hasMessageContaining("frontend: no ACTIVE revision")
                .hasMessageContaining("revision:3 (image " + SHA3 + ", sha " + SHA3 + ")")
                .hasMessageContaining("revision:1 (image " + SHA1)
                .hasMessageContaining("nothing was changed");
        assertThat(f.counter.since(mark)).doesNotContain("UpdateService", "TagResource");
        assertThat(live("backend")).endsWith(":3");
    }

    @Test
    void aDeployAfterARollbackLeavesTheRolledBackServiceAloneUntilANewImageOrResume() {
        f.rollback(List.of("backend"), "previous");

        // the same commit is pushed again (a re-run, or a push that changes only the frontend)
        DeployReport again = f.deployCommit(DeployFixture.spec(network), SHA3, false);

        assertThat(again.services()).extracting(ServiceResult::service, ServiceResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("backend", Outcome.PINNED),
                org.assertj.core.groups.Tuple.tuple("frontend", Outcome.UNCHANGED));
        assertThat(again.services().get(0).reasons()).singleElement().asString()
                .contains("rolled back to durable-code-dev-backend:2").contains("deploy --resume");
        assertThat(live("backend")).endsWith(":2");

        DeployReport resumed = f.deployCommit(DeployFixture.spec(network), SHA3, true);
        assertThat(resumed.services().get(0).outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(live("backend")).endsWith("durable-code-dev-backend:4");

        f.rollback(List.of("backend"), "previous");
        String sha4 = "4444444ddddddddddddddddddddddddddddddddd";
        DeployReport newImage = f.deployCommit(DeployFixture.spec(network), sha4, false);
        assertThat(newImage.services().get(0).outcome()).isEqualTo(Outcome.DEPLOYED);
    }

    @Test
    void dryRunNamesTheTargetAndChangesNothing() {
        int mark = f.counter.mark();

        DeployReport report = f.rollback().run("dev", DeployFixture.CLUSTER, List.of("backend"),
                RollbackTarget.parse("revision:1"), true, java.time.Duration.ofMinutes(5));

        assertThat(report.services().get(0).outcome()).isEqualTo(Outcome.WOULD_CHANGE);
        assertThat(f.progress.lines).anyMatch(l -> l.contains("would roll back durable-code-dev-backend:3 → durable-code-dev-backend:1"));
        assertThat(f.counter.since(mark)).doesNotContain("UpdateService", "TagResource");
    }
}
