package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.adopt.ServiceDefinitionJson;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.SecretReferences;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.aws.EcsShapes;
import dev.driftless.plan.TaskDefinition;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code driftless init --from-task-definition} over every fixture in src/test/resources/init/files: the
 * written spec validates, and rendering it gives back the input after normalisation — the task definition
 * (with what the spec does not model carried over, each such field named in the file's header) and, with a
 * service definition, the service settings.
 */
class InitFromFilesTest {
    private static final Path FILES = Path.of("src/test/resources/init/files");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = Map.of("GITHUB_OUTPUT", dir.resolve("output").toString());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(args, CommandContext.of(env, o, e));
    }

    private int runInActions(Path workspace, String... args) {
        Map<String, String> env = Map.of("GITHUB_OUTPUT", dir.resolve("output").toString(), "GITHUB_ACTIONS", "true",
                "GITHUB_WORKSPACE", workspace.toString());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(args, CommandContext.of(env, o, e));
    }

    @Test
    void inActionsTheFilesReadAndTheSpecWrittenStayInTheWorkspace() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("checkout"));
        Path inside = workspace.resolve("task-definition.json");
        Files.copy(FILES.resolve("aws-actions-describe.task-definition.json"), inside);
        Path outside = dir.resolve("elsewhere.json");
        Files.copy(FILES.resolve("aws-actions-describe.task-definition.json"), outside);

        int escapeOut = runInActions(workspace, "init", "--from-task-definition", inside.toString(), "--env", "prod",
                "--cluster", "billing", "--out", workspace.resolve("../escaped.yaml").toString());
        int readOutside = runInActions(workspace, "init", "--from-task-definition", outside.toString(), "--env", "prod",
                "--cluster", "billing", "--out", workspace.resolve("deploy-specs/billing.yaml").toString());

        assertThat(escapeOut).isEqualTo(1);
        assertThat(readOutside).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + workspace.resolve("../escaped.yaml"),
                "outside the workspace", "--from-task-definition " + outside);
        assertThat(dir.resolve("escaped.yaml")).doesNotExist();
        assertThat(workspace.resolve("deploy-specs/billing.yaml")).doesNotExist();

        int ok = runInActions(workspace, "init", "--from-task-definition", inside.toString(), "--env", "prod",
                "--cluster", "billing", "--out", workspace.resolve("deploy-specs/billing.yaml").toString());
        assertThat(ok).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(workspace.resolve("deploy-specs/billing.yaml")).exists();
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // name, task definition, service definition or null, service name, extra args
                Arguments.of("aws-actions: describe-task-definition output, read-only keys included",
                        "aws-actions-describe.task-definition.json", null, "billing-api", List.of("--cluster", "billing")),
                Arguments.of("aws-actions: hand-written, vCPU/GB units, arm64, defaults left out",
                        "aws-actions-handwritten.task-definition.json", null, "landing-page",
                        List.of("--cluster", "web", "--region", "eu-west-1")),
                Arguments.of("ecspresso: task and service definition, a sidecar, Service Connect port, mixed capacity",
                        "ecspresso-ecs-task-def.json", "ecspresso-ecs-service-def.json", "orders",
                        List.of("--cluster", "orders-prod")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theRenderedDefinitionEqualsTheInputAfterNormalisation(String name, String taskFile, String serviceFile, String service,
                                                               List<String> extra) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        List<String> args = new ArrayList<>(List.of("init", "--from-task-definition", FILES.resolve(taskFile).toString(),
                "--env", "prod", "--out", spec.toString()));
        if (serviceFile != null) {
            args.addAll(List.of("--service-definition", FILES.resolve(serviceFile).toString()));
        }
        args.addAll(extra);

        int code = run(args.toArray(String[]::new));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String text = Files.readString(spec);
        SpecResult result = SpecLoader.load(new SpecSource(spec.toString(), text));
        assertThat(result.errors()).as(text).isEmpty();
        DeploySpec loaded = result.spec();

        Map<String, Object> raw = json(FILES.resolve(taskFile));
        // read the way a live definition is read: #15's typed fields, the rest carried
        TaskDefinition input = EcsShapes.fromJson(raw, serviceFile == null ? null : "app");
        DesiredRenderer renderer = new DesiredRenderer(loaded);
        DesiredService rendered = renderer.render(loaded.servicesIn("prod").get(service), input.image());
        TaskDefinition registered = rendered.taskDefinition().carryingOver(input.carried());
        TaskDefinition.Container c = input.container();
        // the spec names SSM parameters by ARN; the file may name them by name (the same parameter)
        TaskDefinition sameSecrets = input.withContainer(c.withSecrets(
                SecretReferences.asDesired(c.secrets(), registered.container().secrets(), loaded.region(), loaded.account())));
        Map<String, TaskDefinition.Container> sidecars = new java.util.TreeMap<>();
        input.sidecars().forEach((n, x) -> sidecars.put(n, x.withSecrets(SecretReferences.asDesired(x.secrets(),
                registered.sidecars().get(n).secrets(), loaded.region(), loaded.account()))));
        sameSecrets = sameSecrets.withSidecars(sidecars);

        assertThat(registered).isEqualTo(sameSecrets);
        String header = text.substring(0, text.indexOf("apiVersion:"));
        input.carried().names().forEach(field -> {
            String bare = field.replace("container ", "container " + c.name() + " ").replace("sidecar ", "sidecar container ");
            assertThat(header).contains(service + ": " + bare);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: not in the spec, kept by every deploy: " + service + ": " + bare);
        });
        if (serviceFile != null) {
            ServiceSettings live = ServiceDefinitionJson.read(json(FILES.resolve(serviceFile))).settings();
            assertThat(rendered.settings()).isEqualTo(live);
        }
    }

    @Test
    void jsonnetOrATemplateIsRefusedWithTheRenderHint() throws Exception {
        Path jsonnet = dir.resolve("ecs-task-def.jsonnet");
        Files.writeString(jsonnet, "local env = std.extVar('env');\n{ family: 'orders-' + env }\n");

        int code = run("init", "--from-task-definition", jsonnet.toString(), "--env", "prod", "--out", dir.resolve("x.yaml").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not JSON", "ecspresso render");
        assertThat(dir.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void withoutTheAccountAnywhereItAsksForIt() throws Exception {
        Path td = dir.resolve("td.json");
        Files.writeString(td, "{\"family\":\"x\",\"cpu\":\"256\",\"memory\":\"512\",\"networkMode\":\"awsvpc\","
                + "\"containerDefinitions\":[{\"name\":\"x\",\"image\":\"nginx:1\"}]}");

        int code = run("init", "--from-task-definition", td.toString(), "--env", "prod", "--region", "us-east-1",
                "--out", dir.resolve("x.yaml").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot tell the AWS account", "--account");
    }

    private static Map<String, Object> json(Path file) throws Exception {
        return new ObjectMapper().readValue(Files.readString(file), new TypeReference<Map<String, Object>>() { });
    }
}
