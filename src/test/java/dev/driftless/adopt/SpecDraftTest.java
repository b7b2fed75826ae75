package dev.driftless.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.TaskDefinition;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the spec cannot say is written at the top of the file and as a warning, never dropped; the rest validates. */
class SpecDraftTest {
    private static final String TG = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/";

    private static TaskDefinition td(String name, String logDriver) {
        return new TaskDefinition(name, 256, 512, "awsvpc", List.of("FARGATE"), "X86_64", "LINUX", null, null,
                new TaskDefinition.Container(name, "123456789012.dkr.ecr.us-west-2.amazonaws.com/" + name + ":1", true,
                        List.of(new TaskDefinition.PortMapping(80, "tcp")), Map.of("A", "yes"), Map.of(),
                        new TaskDefinition.LogConfiguration(logDriver, Map.of("tag", name)), null, List.of()));
    }

    private static ServiceSettings settings(boolean breaker, List<ServiceSettings.CapacityItem> capacity,
                                            List<ServiceSettings.LoadBalancerBinding> lbs) {
        return new ServiceSettings(1, capacity, new ServiceSettings.NetworkSettings(List.of("subnet-0a1b2c3d"), List.of("sg-0a1b2c3d"), false),
                lbs, breaker, breaker, breaker ? "SERVICE" : "NONE");
    }

    @Test
    void whatTheFirstDeployWouldChangeIsInTheHeaderAndInAWarning() {
        List<ServiceSettings.CapacityItem> onDemand = List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0));
        AdoptedService web = new AdoptedService("web", td("web", "awslogs"), settings(false, onDemand, List.of(
                new ServiceSettings.LoadBalancerBinding(TG + "web/1", "web", 80),
                new ServiceSettings.LoadBalancerBinding(TG + "web-internal/2", "web", 80))), null, Map.of("team", "a", "only", "web"));
        AdoptedService api = new AdoptedService("api", td("api", "splunk"), settings(true,
                List.of(new ServiceSettings.CapacityItem("FARGATE_SPOT", 1, 0)), List.of()), null, Map.of("team", "a"));

        SpecDraft.Draft draft = SpecDraft.write(new Adoption("shop", "123456789012", "us-west-2", "prod", "shop-prod",
                List.of(web, api), "cluster shop-prod", "../schema/deploy-spec.schema.json"));

        String header = draft.yaml().substring(0, draft.yaml().indexOf("apiVersion:"));
        List<String> expected = List.of(
                "web: the deployment circuit breaker is off",
                "web: propagateTags NONE",
                "web: another target group " + TG + "web/1",
                "api: capacity [FARGATE_SPOT weight 1] (the environment's is [FARGATE weight 1]",
                "api: log driver splunk");
        for (String e : expected) {
            assertThat(header).contains("#   " + e);
            assertThat(draft.warnings()).anySatisfy(w -> assertThat(w)
                    .startsWith("the spec cannot say this, the first deploy would change it: " + e));
        }
        assertThat(draft.warnings()).anySatisfy(w -> assertThat(w).contains("web: tag only=web"));
        assertThat(draft.yaml()).contains("tags:\n  team: a\n").doesNotContain("only: web");

        SpecResult result = SpecLoader.load(new SpecSource("shop.yaml", draft.yaml()));
        assertThat(result.errors()).as(draft.yaml()).isEmpty();
    }

    @Test
    void valuesThatLookLikeOtherYamlTypesStayStrings() {
        assertThat(YamlText.scalar("true")).isEqualTo("\"true\"");
        assertThat(YamlText.scalar("0755")).isEqualTo("\"0755\"");
        assertThat(YamlText.scalar("a: b")).isEqualTo("\"a: b\"");
        assertThat(YamlText.scalar("#comment")).isEqualTo("\"#comment\"");
        assertThat(YamlText.scalar("shop-web")).isEqualTo("shop-web");
        assertThat(YamlText.quoted("line\nbreak \"q\" \\")).isEqualTo("\"line\\nbreak \\\"q\\\" \\\\\"");
    }

    @Test
    void imageNamesSplitIntoRepositoryAndWhatRunsNow() {
        assertThat(ImageName.parse("123456789012.dkr.ecr.us-west-2.amazonaws.com/team/api:v1", "123456789012", "us-west-2"))
                .isEqualTo(new ImageName("team/api", ":v1", true));
        assertThat(ImageName.parse("123456789012.dkr.ecr.us-west-2.amazonaws.com/api@sha256:abc", "123456789012", "us-west-2"))
                .isEqualTo(new ImageName("api", "@sha256:abc", true));
        assertThat(ImageName.parse("localhost:5000/api", "123456789012", "us-west-2")).isEqualTo(new ImageName("api", null, false));
        assertThat(ImageName.parse("nginx:1.25", "123456789012", "us-west-2")).isEqualTo(new ImageName("nginx", ":1.25", false));
    }
}
