package dev.driftless.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.EcrRegistry;
import dev.driftless.aws.EcrTestClients;
import dev.driftless.aws.ScanFindings;
import dev.driftless.aws.TestImages;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecr.EcrClient;

@ExtendWith(MotoExtension.class)
class ScanGateTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<String> progress = new ArrayList<>();

    private ScanGate gate(EcrClient client) {
        return new ScanGate(new EcrRegistry(client), clock, clock.sleeper(), Duration.ofSeconds(5), progress::add);
    }

    private static String pushed(EcrClient client) {
        client.createRepository(r -> r.repositoryName("app").imageScanningConfiguration(c -> c.scanOnPush(true)));
        return TestImages.put(client, "app", "abc123");
    }

    @Test
    void aCriticalFindingFailsTheGateAndNamesTheCve(MotoServer moto) throws Exception {
        EcrClient client = EcrTestClients.at(moto.endpoint());
        String digest = pushed(client);
        ScanFindings.inject(moto, "app", digest, "CVE-2024-3094", "CRITICAL");

        ScanGate.Verdict verdict = gate(client).await("app", digest, Severity.CRITICAL, Duration.ofMinutes(10));

        assertThat(verdict).isInstanceOfSatisfying(ScanGate.Verdict.Failed.class, failed -> {
            assertThat(failed.count()).isEqualTo(1);
            assertThat(failed.worst()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo("CVE-2024-3094");
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.link()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2024-3094");
                assertThat(f.pkg()).isEqualTo("openssl 3.0.2");
            });
        });
        // moto never scans on push: two polls find no scan, then the gate asks for one
        assertThat(progress).anyMatch(l -> l.contains("asked ECR to start one"));
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aHighFindingPassesWhenTheGateFailsOnCriticalOnly(MotoServer moto) throws Exception {
        EcrClient client = EcrTestClients.at(moto.endpoint());
        String digest = pushed(client);
        ScanFindings.inject(moto, "app", digest, "CVE-2023-4863", "HIGH");

        ScanGate.Verdict verdict = gate(client).await("app", digest, Severity.CRITICAL, Duration.ofMinutes(10));

        assertThat(verdict).isInstanceOfSatisfying(ScanGate.Verdict.Passed.class,
                passed -> assertThat(passed.report().findings()).extracting(Finding::id).containsExactly("CVE-2023-4863", "CVE-2020-0001"));
    }

    @Test
    void theSameHighFindingFailsAGateSetToHigh(MotoServer moto) throws Exception {
        EcrClient client = EcrTestClients.at(moto.endpoint());
        String digest = pushed(client);
        ScanFindings.inject(moto, "app", digest, "CVE-2023-4863", "HIGH");

        ScanGate.Verdict verdict = gate(client).await("app", digest, Severity.HIGH, Duration.ofMinutes(10));

        assertThat(verdict).isInstanceOfSatisfying(ScanGate.Verdict.Failed.class,
                failed -> assertThat(failed.worst()).extracting(Finding::id).containsExactly("CVE-2023-4863"));
    }

    @Test
    void anImageThatNeverReachesEcrEndsTheWaitAtTheTimeoutWithProgressOnTheWay(MotoServer moto) throws Exception {
        EcrClient client = EcrTestClients.at(moto.endpoint());
        pushed(client);
        String absent = "sha256:" + "f".repeat(64);

        ScanGate.Verdict verdict = gate(client).await("app", absent, Severity.CRITICAL, Duration.ofMinutes(2));

        assertThat(verdict).isInstanceOfSatisfying(ScanGate.Verdict.Incomplete.class,
                v -> assertThat(v.reason()).contains("after 2m").contains("image not in ECR yet"));
        assertThat(clock.slept()).isEqualTo(Duration.ofMinutes(2));
        assertThat(progress).first().asString().contains("app@sha256:ffffffffffff: image not in ECR yet (0s of 2m)");
        assertThat(progress).hasSizeBetween(2, 5);
    }
}
