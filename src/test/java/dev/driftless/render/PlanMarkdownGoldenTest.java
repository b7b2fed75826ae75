package dev.driftless.render;

import dev.driftless.plan.ChangeGroup;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.Plan;
import dev.driftless.plan.PlanDiff;
import dev.driftless.plan.SampleSpec;
import dev.driftless.plan.ScheduleText;
import dev.driftless.plan.ServicePlan;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpecHash;
import dev.driftless.spec.DeploySpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanMarkdownGoldenTest {
    private static final Instant AT = Instant.parse("2026-11-25T16:00:00Z");
    private static final String ARN = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-%s:4";
    private final DeploySpec spec = SampleSpec.spec();
    private final DesiredRenderer renderer = new DesiredRenderer(spec);

    private DesiredService desired(String service, String tag) {
        var view = spec.servicesIn("dev").get(service);
        return renderer.render(view, renderer.imageUri(view, new ImageRef.Tag(tag)));
    }

    /** A live service as driftless deployed {@code d}, with its count and settings possibly changed since. */
    private static LiveService live(DesiredService d, int count, ServiceSettings settings) {
        return live(d, count, settings, ScheduleText.tag(d.schedule()));
    }

    /** ... deployed under the schedule recorded as {@code schedule}. */
    private static LiveService live(DesiredService d, int count, ServiceSettings settings, String schedule) {
        String arn = ARN.formatted(d.name());
        return new LiveService(d.name(), "arn:aws:ecs:us-west-2:123456789012:service/durable-code-dev/" + d.name(), "ACTIVE",
                count, count, 0, arn, List.of(), settings,
                Map.of(ServiceTags.SPEC_HASH, d.specHash(), ServiceTags.TASK_DEFINITION, arn,
                        ServiceTags.SETTINGS_HASH, SpecHash.of(d.settings()), ServiceTags.DESIRED_COUNT, "1",
                        ServiceTags.AUTOSCALING, ServiceTags.autoscaling(d.autoscaling()), ServiceTags.SCHEDULE, schedule),
                List.of());
    }

    private static final String NINE_TO_FIVE = "America/Los_Angeles Mon-Fri 09:00-17:00";

    private static ServiceSettings withCount(ServiceSettings s, int count) {
        return new ServiceSettings(count, s.capacityProviderStrategy(), s.network(), s.loadBalancers(), s.circuitBreaker(),
                s.circuitBreakerRollback(), s.propagateTags());
    }

    private static Plan plan(boolean clusterExists, List<ServicePlan> services) {
        return new Plan("durable-code", "dev", "durable-code-dev", clusterExists, "tag `def456`", AT, services);
    }

    @Test
    void noChanges() throws Exception {
        DesiredService b = desired("backend", "abc123");
        DesiredService f = desired("frontend", "abc123");
        Plan p = plan(true, List.of(
                PlanDiff.diff(new PlanDiff.Inputs(b, live(b, 1, b.settings()), null, null,
                        new dev.driftless.plan.LiveScaling(1, 3, 60, 70))),
                PlanDiff.diff(new PlanDiff.Inputs(f, live(f, 1, f.settings()), null, null, null))));

        GoldenFiles.assertMatches("plan-no-changes.md", PlanMarkdown.render(p));
    }

    @Test
    void everythingToCreate() throws Exception {
        Plan p = plan(false, List.of(
                PlanDiff.diff(new PlanDiff.Inputs(desired("backend", "def456"), null, null, null, null)),
                PlanDiff.diff(new PlanDiff.Inputs(desired("frontend", "def456"), null, null, null, null))));

        GoldenFiles.assertMatches("plan-create.md", PlanMarkdown.render(p));
    }

    @Test
    void updatesWithDriftAndNotes() throws Exception {
        DesiredService deployedBackend = desired("backend", "abc123");
        var backendSpec = SampleSpec.spec(bk -> SampleSpec.withEnvironment(SampleSpec.withCpuMemory(bk, 512, 1024),
                Map.of("LOG_LEVEL", "debug", "PORT", "8000", "FEATURE_X", "on", "UPSTREAM_TOKEN", "s3cr3t-value",
                        "DB_URL", "postgres://app:hunter22@db:5432/app")), e -> e);
        var r = new DesiredRenderer(backendSpec);
        var view = backendSpec.servicesIn("dev").get("backend");
        DesiredService backend = r.render(view, r.imageUri(view, new ImageRef.Tag("def456")));
        DesiredService frontend = desired("frontend", "abc123");
        Plan p = plan(true, List.of(
                PlanDiff.diff(new PlanDiff.Inputs(backend, live(deployedBackend, 1, deployedBackend.settings()),
                        deployedBackend.taskDefinition(), null, new dev.driftless.plan.LiveScaling(1, 3, 60, 70))),
                PlanDiff.diff(new PlanDiff.Inputs(frontend, live(frontend, 4, withCount(frontend.settings(), 4), NINE_TO_FIVE),
                        null, null, null))));

        String md = PlanMarkdown.render(p);

        org.assertj.core.api.Assertions.assertThat(p.services().get(0).groups())
                .containsExactly(ChangeGroup.IMAGE, ChangeGroup.CPU_MEMORY, ChangeGroup.ENVIRONMENT);
        // plain values are shown (they are in git); values that look like credentials are not
        org.assertj.core.api.Assertions.assertThat(md).contains("| environment | LOG_LEVEL | `info` | `debug` |")
                .contains("| environment | UPSTREAM_TOKEN | (none) | (hidden: looks like a credential) |")
                .contains("| environment | DB_URL | (none) | (hidden: looks like a credential) |")
                .doesNotContain("s3cr3t").doesNotContain("hunter22");
        GoldenFiles.assertMatches("plan-updates-with-drift.md", md);
    }

    @Test
    void aScheduleChangeAlone() throws Exception {
        DesiredService b = desired("backend", "abc123");
        DesiredService f = desired("frontend", "abc123");
        Plan p = plan(true, List.of(
                PlanDiff.diff(new PlanDiff.Inputs(b, live(b, 1, b.settings(), NINE_TO_FIVE), null, null,
                        new dev.driftless.plan.LiveScaling(1, 3, 60, 70))),
                PlanDiff.diff(new PlanDiff.Inputs(f, live(f, 1, f.settings(), NINE_TO_FIVE), null, null, null))));

        org.assertj.core.api.Assertions.assertThat(p.services())
                .allSatisfy(s -> org.assertj.core.api.Assertions.assertThat(s.groups()).containsExactly(ChangeGroup.SCHEDULE));
        GoldenFiles.assertMatches("plan-schedule-change.md", PlanMarkdown.render(p));
    }
}
