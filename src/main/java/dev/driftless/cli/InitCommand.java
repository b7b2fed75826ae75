package dev.driftless.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.DriftlessException;
import dev.driftless.adopt.AdoptedService;
import dev.driftless.adopt.Adoption;
import dev.driftless.adopt.ServiceDefinitionJson;
import dev.driftless.adopt.SpecDraft;
import dev.driftless.aws.RunCredentials;
import dev.driftless.aws.AwsClients;
import dev.driftless.auth.AwsIdentity;
import dev.driftless.aws.AwsSettings;
import dev.driftless.aws.EcsClusterServices;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.aws.EcsShapes;
import dev.driftless.engine.LiveAdopter;
import dev.driftless.plan.TaskDefinition;
import dev.driftless.spec.Problem;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftless init}: writes a deploy-spec for services that already run — read from a cluster, or from
 * the task-definition (and service-definition) files a team keeps — such that the first plan shows no change.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a deploy-spec for services that already run: from a cluster (--cluster), or from a "
                + "task-definition file (--from-task-definition, aws-actions or ecspresso). Nothing the spec cannot say is "
                + "dropped silently: it is listed at the top of the file and as a warning.")
public final class InitCommand implements Callable<Integer> {
    static final String SCHEMA_URL = "https://driftless.dev/schema/deploy-spec.schema.json";
    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    private final CommandContext ctx;

    @Mixin
    CommonOptions common;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Read the services of this ECS cluster (every one, or --service);"
            + " with --from-task-definition, only the cluster's name for the spec.")
    String cluster;

    @Option(names = "--from-task-definition", paramLabel = "FILE",
            description = "Read this task definition (aws-actions task-definition.json, `aws ecs describe-task-definition "
                    + "--query taskDefinition` output, or ecspresso's ecs-task-def.json rendered to plain JSON).")
    Path taskDefinitionFile;

    @Option(names = "--service-definition", paramLabel = "FILE",
            description = "With --from-task-definition: the service definition (ecspresso's ecs-service-def.json).")
    Path serviceDefinitionFile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION, then AWS_DEFAULT_REGION).")
    String region;

    @Option(names = "--account", paramLabel = "ID",
            description = "The 12-digit account the spec allows; with --cluster, init refuses to read another account.")
    String account;

    @Option(names = "--name", paramLabel = "APP", description = "The application's name (default: from the cluster or family).")
    String name;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the spec (default: deploy-specs/<name>.yaml).")
    Path out;

    @Option(names = "--force", description = "Overwrite --out when it exists.")
    boolean force;

    public InitCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String environment = common.environment(ctx.actions()).orElseThrow(() -> new DriftlessException(
                "init needs the environment the services run in", "pass --env NAME (e.g. --env prod)"));
        if (cluster == null && taskDefinitionFile == null) {
            throw new DriftlessException("init reads a cluster or a task-definition file",
                    "pass --cluster NAME, or --from-task-definition FILE (with --service-definition FILE and --cluster NAME)");
        }
        if (serviceDefinitionFile != null && taskDefinitionFile == null) {
            throw new DriftlessException("--service-definition goes with --from-task-definition", "add --from-task-definition FILE");
        }
        // in Actions the files read and the spec written stay in the checkout, checked before any read or call
        Workspace.root(ctx).ifPresent(root -> {
            if (taskDefinitionFile != null) {
                Workspace.requireInside(root, taskDefinitionFile, "--from-task-definition " + taskDefinitionFile);
            }
            if (serviceDefinitionFile != null) {
                Workspace.requireInside(root, serviceDefinitionFile, "--service-definition " + serviceDefinitionFile);
            }
            if (out != null) {
                Workspace.requireInside(root, out, "--out " + out);
            }
        });
        Adoption adoption = taskDefinitionFile == null ? fromCluster(environment) : fromFiles(environment);
        Path target = out != null ? out : Path.of("deploy-specs", adoption.application() + ".yaml");
        Workspace.root(ctx).ifPresent(root -> Workspace.requireInside(root, target, "--out " + target));
        if (Files.exists(target) && !force) {
            throw new DriftlessException(target + " already exists; nothing was written",
                    "choose another --out, or pass --force to overwrite it");
        }
        Adoption withModeline = new Adoption(adoption.application(), adoption.account(), adoption.region(),
                adoption.environment(), adoption.cluster(), adoption.services(), adoption.source(), modeline(target));
        SpecDraft.Draft draft = SpecDraft.write(withModeline);
        SpecResult check = SpecLoader.load(new SpecSource(target.toString(), draft.yaml()));
        if (!check.valid()) {
            check.errors().forEach(p -> ctx.err().println(p));
            throw new DriftlessException("the spec written from these services does not validate; nothing was written",
                    "report it with the lines above; meanwhile write the spec by hand from docs/migrate.md");
        }
        write(target, draft.yaml());
        for (String w : draft.warnings()) {
            ctx.err().println("warning: " + w);
            if (ctx.actions().inActions()) {
                ctx.actions().commands().warning(w, null);
            }
        }
        for (Problem p : check.warnings()) {
            ctx.err().println(p);
        }
        report(target, withModeline, draft);
        return ExitCode.OK;
    }

    private Adoption fromCluster(String environment) {
        AwsSettings settings = AwsSettings.of(region, ctx.env())
                .withCredentials(RunCredentials.choose(common.roleArn(), null, environment, ctx));
        // the account guard (GetCallerIdentity against --account) runs before any read
        try (AwsClients aws = AwsClients.authenticated(AwsClients.create(settings, account))) {
            AwsIdentity me = aws.requireAccount();
            List<AdoptedService> services = new LiveAdopter(new EcsClusterServices(aws.ecs()),
                    new EcsLiveStateReader(aws.ecs(), aws.autoScaling())).read(cluster, common.services(ctx.actions()));
            return new Adoption(applicationName(cluster, environment), me.account(), aws.region(), environment, cluster,
                    services, "cluster " + cluster + " in " + me.account() + "/" + aws.region(), SCHEMA_URL);
        }
    }

    private Adoption fromFiles(String environment) {
        Map<String, Object> td = json(taskDefinitionFile);
        TaskDefinition definition;
        ServiceDefinitionJson.Read service = null;
        try {
            if (serviceDefinitionFile != null) {
                service = ServiceDefinitionJson.read(json(serviceDefinitionFile));
            }
            String container = service == null || service.settings().loadBalancers().isEmpty() ? null
                    : service.settings().loadBalancers().get(0).containerName();
            definition = EcsShapes.fromJson(td, container);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException("cannot read " + taskDefinitionFile + (serviceDefinitionFile == null ? "" : " / "
                    + serviceDefinitionFile) + ": " + e.getMessage(), "fix the file (it is ECS's JSON shape, camelCase keys)");
        }
        if (definition.family() == null) {
            throw new DriftlessException(taskDefinitionFile + " has no 'family'", "add \"family\": \"<name>\" to it");
        }
        List<String> named = common.services(ctx.actions());
        String serviceName = !named.isEmpty() ? named.get(0)
                : service != null && service.name() != null ? service.name() : definition.family();
        String arn = td.get("taskDefinitionArn") instanceof String s ? s : null;
        String acct = account != null ? account : accountOf(arn, definition);
        String reg = region != null ? region : arn != null && arn.split(":").length > 4 ? arn.split(":")[3]
                : regionOf(definition);
        if (acct == null) {
            throw new DriftlessException("cannot tell the AWS account from " + taskDefinitionFile, "pass --account 123456789012");
        }
        if (reg == null) {
            throw new DriftlessException("cannot tell the AWS region from " + taskDefinitionFile, "pass --region (e.g. us-east-1)");
        }
        // with files, --cluster only names the cluster the service runs in; nothing is read from it
        String clusterName = cluster != null ? cluster : "CHANGE-ME";
        if (cluster == null) {
            ctx.err().println("warning: no --cluster given; the spec says cluster: CHANGE-ME — set the cluster the service runs in");
        }
        AdoptedService adopted = new AdoptedService(serviceName, definition, service == null ? null : service.settings(), null,
                service == null ? Map.of() : service.tags());
        return new Adoption(applicationName(serviceName, environment), acct, reg, environment, clusterName, List.of(adopted),
                taskDefinitionFile.getFileName() + (serviceDefinitionFile == null ? "" : " and " + serviceDefinitionFile.getFileName()),
                SCHEMA_URL);
    }

    private String regionOf(TaskDefinition td) {
        String fromLogs = td.container() == null || td.container().logConfiguration() == null ? null
                : td.container().logConfiguration().options().get("awslogs-region");
        return fromLogs != null ? fromLogs : AwsSettings.resolveRegion(null, ctx.env());
    }

    private static String accountOf(String arn, TaskDefinition td) {
        for (String candidate : java.util.Arrays.asList(arn, td.executionRoleArn(), td.taskRoleArn())) {
            if (candidate != null && candidate.split(":").length > 4 && candidate.split(":")[4].matches("[0-9]{12}")) {
                return candidate.split(":")[4];
            }
        }
        return null;
    }

    /** --name, else the cluster's or service's name lower-cased, without a trailing "-<env>". */
    private String applicationName(String from, String environment) {
        String n = name != null ? name : from.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-" + Pattern.quote(environment.toLowerCase(Locale.ROOT)) + "$", "")
                .replaceAll("^-+|-+$", "");
        if (!APP_NAME.matcher(n).matches()) {
            throw new DriftlessException("'" + n + "' is not an application name (lower-case letters, digits and '-', at most 64)",
                    "pass --name my-app");
        }
        return n;
    }

    private Map<String, Object> json(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DriftlessException(file + " is not JSON: " + e.getOriginalMessage(),
                    "pass plain JSON; for ecspresso's jsonnet or templated files run `ecspresso render` first");
        } catch (IOException e) {
            throw new DriftlessException("cannot read " + file + ": " + e.getMessage(), "check the path");
        }
    }

    /** Relative to the repository's schema when it is there, else the schema's URL. */
    private static String modeline(Path target) {
        Path schema = Path.of("schema", "deploy-spec.schema.json").toAbsolutePath();
        if (!Files.exists(schema)) {
            return SCHEMA_URL;
        }
        Path dir = target.toAbsolutePath().getParent();
        return dir.relativize(schema).toString().replace('\\', '/');
    }

    private static void write(Path target, String text) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DriftlessException("cannot write " + target + ": " + e.getMessage(), "check --out and its directory");
        }
    }

    private void report(Path target, Adoption a, SpecDraft.Draft draft) {
        ctx.actions().outputs().set("spec-file", target.toString());
        if (common.json()) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode json = m.createObjectNode().put("file", target.toString()).put("application", a.application())
                    .put("environment", a.environment());
            ArrayNode services = json.putArray("services");
            a.services().forEach(s -> services.add(s.name()));
            ArrayNode warnings = json.putArray("warnings");
            draft.warnings().forEach(warnings::add);
            ctx.out().println(json.toString());
        } else {
            ctx.out().println("wrote " + target + ": " + a.services().size() + (a.services().size() == 1 ? " service" : " services")
                    + " of " + a.application() + " in " + a.environment() + (draft.warnings().isEmpty() ? ""
                    : ", " + draft.warnings().size() + (draft.warnings().size() == 1 ? " warning" : " warnings")));
            ctx.out().println("next: driftless validate --specs " + target + " && driftless plan --specs " + target + " --env "
                    + a.environment());
        }
    }
}
