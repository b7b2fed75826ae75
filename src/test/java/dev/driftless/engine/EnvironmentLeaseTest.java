package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.aws.EcsClusterTags;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The environment lease on a cluster tag in moto: taken, refused, taken over, given back — and the race. */
@ExtendWith(MotoExtension.class)
class EnvironmentLeaseTest {
    DeployFixture f;
    EcsClusterTags tags;

    @BeforeEach
    void cluster(MotoServer moto) {
        f = new DeployFixture(moto.endpoint());
        f.createCluster();
        tags = new EcsClusterTags(f.ecs);
    }

    @AfterEach
    void close() {
        f.close();
    }

    EnvironmentLease lease(Sleeper sleeper) {
        return new EnvironmentLease(tags, f.clock, sleeper, f.progress);
    }

    EnvironmentLease.Held take(String runId, Sleeper sleeper, boolean force) {
        return lease(sleeper).acquire("dev", DeployFixture.CLUSTER, "deploy", "acme/app", runId, "1",
                Duration.ofMinutes(50), force);
    }

    String tag() {
        return tags.read(DeployFixture.CLUSTER).get(EnvironmentLease.TAG);
    }

    @Test
    void theLeaseNamesTheRunAndIsGivenBack() {
        EnvironmentLease.Held held = take("7", f.clock.sleeper(), false);

        assertThat(tag()).startsWith("repo=acme/app run=7 attempt=1 command=deploy since=2026-11-25T10:00:00Z"
                + " expires=2026-11-25T10:50:00Z token=").contains(held.holder().token());
        held.close();
        assertThat(tags.read(DeployFixture.CLUSTER)).doesNotContainKey(EnvironmentLease.TAG);
    }

    @Test
    void aRunThatWritesDuringOurSettleWinsAndWeRefuseNamingIt() {
        LeaseHolder other = new LeaseHolder("acme/app", "8", "1", "rollback", Instant.parse("2026-11-25T10:00:01Z"),
                Instant.parse("2026-11-25T11:00:00Z"), "other-token");
        // the other run's TagResource lands after ours, while we wait to read back
        Sleeper otherWritesMeanwhile = d -> tags.write(DeployFixture.CLUSTER, Map.of(EnvironmentLease.TAG, other.tagValue()));

        assertThatThrownBy(() -> take("7", otherWritesMeanwhile, false)).isInstanceOf(DriftlessException.class)
                .hasMessageContaining("held by rollback by acme/app run 8 (attempt 1)")
                .hasMessageContaining("nothing was changed");
        assertThat(tag()).contains("token=other-token");
    }

    @Test
    void givingBackLeavesALeaseAnotherRunTookOver() {
        EnvironmentLease.Held mine = take("7", f.clock.sleeper(), false);
        EnvironmentLease.Held theirs = take("9", f.clock.sleeper(), true);

        mine.close();

        assertThat(tag()).contains("token=" + theirs.holder().token());
        assertThat(f.progress.lines).anyMatch(l -> l.contains("--force: taking over the lease on durable-code-dev from deploy by acme/app run 7"));
        assertThat(f.progress.lines).anyMatch(l -> l.contains("was taken over by deploy by acme/app run 9"));
    }

    @Test
    void aHandWrittenTagThatIsNoLeaseIsNotObeyed() {
        tags.write(DeployFixture.CLUSTER, Map.of(EnvironmentLease.TAG, "please do not deploy"));

        take("7", f.clock.sleeper(), false).close();
    }

    @Test
    void jobsOfOneWorkflowRunShareTheLeaseAndOnlyTheWriterGivesItBack() {
        EnvironmentLease.Held first = take("7", f.clock.sleeper(), false);
        EnvironmentLease.Held sibling = take("7", f.clock.sleeper(), false);

        sibling.close();
        assertThat(tag()).contains("token=" + first.holder().token());
        first.close();
        assertThat(tags.read(DeployFixture.CLUSTER)).doesNotContainKey(EnvironmentLease.TAG);
    }
}
