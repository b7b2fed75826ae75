package dev.driftless.engine.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportsTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(JUnitReportsTest.class.getResource("/junit/" + name).toURI());
    }

    @Test
    void countsCasesAndNamesTheFailingOnes() throws Exception {
        JUnitReports.Totals t = JUnitReports.read(resource("TEST-api.xml"));

        assertThat(t.tests()).isEqualTo(6);
        assertThat(t.failed()).isEqualTo(2);
        assertThat(t.skipped()).isEqualTo(1);
        assertThat(t.passed()).isEqualTo(3);
        assertThat(t.failures()).extracting(JUnitReports.FailedCase::suite, JUnitReports.FailedCase::name,
                JUnitReports.FailedCase::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tests.test_orders", "test_refund_rounding", "AssertionError: assert 10.01 == 10.0"),
                org.assertj.core.groups.Tuple.tuple("tests.test_db", "test_migrations_apply",
                        "sqlalchemy.exc.OperationalError: could not connect to server"));
    }

    @Test
    void refusesADoctypeSoNoEntityIsEverResolved() throws Exception {
        assertThatThrownBy(() -> JUnitReports.read(resource("xxe.xml")))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("is not readable JUnit XML")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void findsReportsByAGlobRelativeToTheBase(@TempDir Path base) throws Exception {
        Path a = base.resolve("build/test-results/test/TEST-a.xml");
        Path b = base.resolve("web/reports/junit.xml");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        Files.writeString(a, "<testsuite/>");
        Files.writeString(b, "<testsuite/>");
        Files.writeString(base.resolve("build/test-results/test/notes.txt"), "x");

        assertThat(JUnitReports.find(base, "**/*.xml")).containsExactly(a, b);
        assertThat(JUnitReports.find(base, "build/test-results/**/TEST-*.xml")).containsExactly(a);
        assertThat(JUnitReports.read(List.of(a, b)).tests()).isZero();
    }
}
