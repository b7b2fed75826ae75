package dev.driftless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftless.DriftlessException;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.engine.Planner;
import dev.driftless.plan.CostComparison;
import dev.driftless.plan.CostEstimate;
import dev.driftless.plan.CostGate;
import dev.driftless.plan.CostHeadline;
import dev.driftless.plan.CostModel;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.plan.PriceTable;
import dev.driftless.render.CostEstimateMarkdown;
import dev.driftless.render.CostHeadlineMarkdown;
import dev.driftless.render.PlanJson;
import dev.driftless.render.PlanMarkdown;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftless plan --env E}: what a deploy would change, with drift and the monthly cost, in the
 * job summary and (on a pull request, with a token) one sticky PR comment.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Diff the spec against the live services of one environment (normalised, with drift), estimate the "
                + "monthly cost, and report it in the job summary and one sticky pull-request comment.")
public final class PlanCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--image-tag", paramLabel = "TAG",
            description = "The image tag (or sha256:digest) to plan for (default: input image-tag, else the commit SHA).")
    String imageTag;

    @Option(names = "--keep-live-image",
            description = "Keep the image each existing service runs (new services get --image-tag); input keep-live-image.")
    boolean keepLiveImage;

    @Option(names = "--built-service", paramLabel = "NAME",
            description = "A service whose image this run builds (repeatable; input built-services): it gets --image-tag, "
                    + "every other service keeps its live image.")
    List<String> builtServices = new ArrayList<>();

    @Option(names = "--detailed-exitcode",
            description = "Exit 0 when there are no changes, 2 when there are, 1 on error (input detailed-exitcode).")
    boolean detailedExitcode;

    @Option(names = "--comment", paramLabel = "MODE",
            description = "When to write the pull-request comment: always (default), on-change (a plan without changes "
                    + "creates no comment and updates an existing one to say so) or off; input comment.")
    String commentMode;

    @Option(names = "--fail-on", paramLabel = "RULE",
            description = "Exit 3 when the cost breaks a rule (repeatable; input fail-on, comma-separated): budget, "
                    + "increase:USD (e.g. increase:5) or increase:PCT%% (e.g. increase:20%%).")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--plan-file", paramLabel = "PATH",
            description = "Where to write the plan as JSON (default: $RUNNER_TEMP/driftless-plan-<env>.json, else ./).")
    Path planFile;

    // the running command line, so a usage error goes to the same err stream and names the full command
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    private final CommandContext ctx;

    public PlanCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ActionsRuntime actions = ctx.actions();
        CommentMode mode = commentMode(actions);
        List<CostGate> gates = gates(actions);
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        Map<String, ServiceView> views = Specs.services(spec, env, common, ctx);
        Instant at = common.now(ctx);
        Optional<ImageRef> tag = imageTag(actions);
        Function<String, ImageRef> images = images(tag, views);
        Path planTarget = planFile(env.name(), actions);

        Plan plan;
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            try {
                // before any read: a plan of another account would show that account's services as drift
                aws.requireAccount();
            } catch (DriftlessException refused) {
                String markdown = refusal(spec, env, refused);
                if (actions.summary().writesFile()) {
                    actions.summary().append(markdown);
                }
                PullRequestSection.publish(ctx, "plan-" + env.name(), markdown, "the refusal", true);
                throw refused;
            }
            ctx.err().println("planning " + spec.name() + "/" + env.name() + ": " + views.size() + " service(s) in cluster "
                    + env.cluster());
            plan = new Planner(new EcsLiveStateReader(aws.ecs(), aws::autoScaling))
                    .plan(spec, env.name(), List.copyOf(views.keySet()), images, imageLabel(tag), at);
        }

        YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
        CostModel costs = new CostModel(PriceTable.builtIn());
        CostComparison cost = new CostComparison(costs.live(spec, plan, views, month), costs.estimate(spec, views.values(), month));
        CostEstimate proposed = cost.proposed();
        CostHeadline headline = headline(spec, env, cost, costs.proposed(spec, Optional.empty(), month).totalUsd());
        List<String> breaches = gates.stream().flatMap(g -> g.breach(headline).stream()).toList();
        String markdown = withHeadline(PlanMarkdown.render(plan), CostHeadlineMarkdown.render(headline) + gateLines(breaches))
                + costLine(cost, month, spec);
        String json = PlanJson.render(plan, round(proposed.totalUsd()), round(cost.live().totalUsd()));

        Path file = writePlanFile(json, planTarget);
        actions.outputs().set("has-changes", String.valueOf(plan.hasChanges()));
        actions.outputs().set("monthly-estimate-usd", String.format(Locale.ROOT, "%.2f", proposed.totalUsd()));
        actions.outputs().set("plan-file", file.toString());

        if (common.json()) {
            ctx.out().println(json);
        } else {
            ctx.out().print(markdown);
        }
        ctx.out().flush();
        if (actions.summary().writesFile()) {
            actions.summary().append(markdown);
        }
        if (mode != CommentMode.OFF) {
            // a failed gate always explains itself where the check is reviewed
            boolean create = mode == CommentMode.ALWAYS || plan.hasChanges() || !breaches.isEmpty();
            PullRequestSection.publish(ctx, "plan-" + env.name(), markdown, "the plan", create);
        }
        ctx.err().println(plan.hasChanges()
                ? "plan: " + plan.changeCount() + " change(s)" + (plan.driftCount() > 0 ? ", " + plan.driftCount() + " drifted" : "")
                : "plan: no changes");
        if (!breaches.isEmpty()) {
            breaches.forEach(b -> actions.commands().error(b, null));
            ctx.err().println("plan: exit " + ExitCode.COST_GATE + " — " + String.join("; ", breaches));
            return ExitCode.COST_GATE;
        }
        return detailedExitcode(actions) && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }

    private Optional<ImageRef> imageTag(ActionsRuntime actions) {
        Optional<String> value = Optional.ofNullable(imageTag).or(() -> actions.input("image-tag"))
                .or(() -> Optional.ofNullable(actions.context().sha()));
        return value.map(v -> ImageTagOption.parse(v, command.commandLine()));
    }

    private Function<String, ImageRef> images(Optional<ImageRef> tag, Map<String, ServiceView> views) {
        List<String> built = builtServices.isEmpty()
                ? ctx.actions().input("built-services").map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).toList())
                        .orElse(List.of())
                : builtServices;
        for (String b : built) {
            if (!views.containsKey(b)) {
                throw new DriftlessException("--built-service names '" + b + "', which is not a planned service",
                        "use one of: " + String.join(", ", views.keySet()));
            }
        }
        boolean keepAll = keepLiveImage || ctx.actions().booleanInput("keep-live-image").orElse(false);
        ImageRef fallback = tag.orElse(null);
        if (fallback == null && !(keepAll && built.isEmpty())) {
            throw new DriftlessException("no image tag to plan for", "pass --image-tag TAG (or input image-tag); in Actions "
                    + "GITHUB_SHA is the default, or use --keep-live-image to keep what runs");
        }
        return service -> {
            boolean keep = keepAll || (!built.isEmpty() && !built.contains(service));
            if (!keep) {
                return fallback;
            }
            if (fallback == null) {
                // a new service has no live image; with no tag either it cannot be planned
                return new ImageRef.KeepLive(new ImageRef.Tag("latest"));
            }
            return new ImageRef.KeepLive(fallback);
        };
    }

    private String imageLabel(Optional<ImageRef> tag) {
        boolean keepAll = keepLiveImage || ctx.actions().booleanInput("keep-live-image").orElse(false);
        String t = tag.map(r -> r instanceof ImageRef.Digest d ? "digest `" + d.digest() + "`" : "tag `" + ((ImageRef.Tag) r).tag() + "`")
                .orElse("none");
        if (keepAll) {
            return "live images kept (new services: " + t + ")";
        }
        List<String> built = builtServices.isEmpty() ? ctx.actions().input("built-services").map(List::of).orElse(List.of()) : builtServices;
        return built.isEmpty() ? t : t + " for " + String.join(", ", built) + "; live images kept for the others";
    }

    private static String costLine(CostComparison cost, YearMonth month, DeploySpec spec) {
        CostEstimate live = cost.live();
        CostEstimate proposed = cost.proposed();
        double delta = cost.deltaUsd();
        String budget = spec.budget().monthlyUsd() == null ? ""
                : String.format(Locale.ROOT, " · budget $%.2f", spec.budget().monthlyUsd());
        return String.format(Locale.ROOT, "**Estimated monthly cost (%s %d):** $%.2f live → $%.2f with this plan (%s$%.2f)%s%n",
                month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH), month.getYear(),
                live.totalUsd(), proposed.totalUsd(), delta < 0 ? "−" : "+", Math.abs(delta), budget)
                + CostEstimateMarkdown.notes(cost.notes());
    }

    /** Where the plan goes; a path the user gives stays inside the workspace in Actions (the default is RUNNER_TEMP). */
    private Path planFile(String environment, ActionsRuntime actions) {
        Optional<Path> given = Optional.ofNullable(planFile).or(() -> actions.input("plan-file").map(Path::of));
        given.ifPresent(p -> Workspace.root(ctx).ifPresent(root -> Workspace.requireInside(root, p, "--plan-file " + p)));
        return given.orElseGet(() -> actions.variable("RUNNER_TEMP")
                .map(t -> Path.of(t, "driftless-plan-" + environment + ".json"))
                .orElse(Path.of("driftless-plan-" + environment + ".json")));
    }

    private CommentMode commentMode(ActionsRuntime actions) {
        Optional<String> value = Optional.ofNullable(commentMode).or(() -> actions.input("comment"));
        try {
            return value.map(CommentMode::parse).orElse(CommentMode.ALWAYS);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "--comment: " + e.getMessage());
        }
    }

    private List<CostGate> gates(ActionsRuntime actions) {
        String value = failOn.isEmpty() ? actions.input("fail-on").orElse("") : String.join(",", failOn);
        try {
            return CostGate.parseAll(value);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "--fail-on: " + e.getMessage());
        }
    }

    /**
     * The environment's and the application's estimates. The plan reads only this environment live, so
     * the other environments count at the spec's estimate on both sides. The budget is compared like with
     * like: the environment's share ({@code budget.environments}) with its estimate, else {@code monthlyUsd}
     * with the whole application's.
     */
    static CostHeadline headline(DeploySpec spec, EnvironmentSpec env, CostComparison cost, double applicationProposed) {
        double envLive = cost.live().totalUsd();
        double envProposed = cost.proposed().totalUsd();
        double others = applicationProposed - envProposed;
        Double share = spec.budget().environments().get(env.name());
        return new CostHeadline(env.name(), spec.name(), envLive, envProposed, others + envLive, applicationProposed,
                share != null ? share : spec.budget().monthlyUsd(),
                share != null ? CostHeadline.BudgetScope.ENVIRONMENT : CostHeadline.BudgetScope.APPLICATION);
    }

    /** The cost headline right under the plan's title. */
    private static String withHeadline(String planMarkdown, String headline) {
        int title = planMarkdown.indexOf("\n\n");
        return title < 0 ? headline + "\n" + planMarkdown
                : planMarkdown.substring(0, title + 2) + headline + "\n" + planMarkdown.substring(title + 2);
    }

    private static String gateLines(List<String> breaches) {
        StringBuilder b = new StringBuilder();
        breaches.forEach(r -> b.append("\n> [!CAUTION]\n> **Check failed (exit 3):** ").append(r).append('\n'));
        return b.toString();
    }

    private Path writePlanFile(String json, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new DriftlessException("cannot write the plan file " + file + ": " + e.getMessage(),
                    "pass --plan-file with a writable path", e);
        }
    }

    /** What the PR comment and the job summary say instead of a plan when the account guard refuses. */
    static String refusal(DeploySpec spec, EnvironmentSpec env, DriftlessException refused) {
        return "### ⛔ driftless plan: " + spec.name() + " / " + env.name() + " — refused\n\n"
                + "No plan was made and nothing was read: " + refused.getMessage() + ".\n\n"
                + (refused.hint() == null ? "" : "**Fix:** " + refused.hint() + "\n");
    }

    static Optional<Integer> pullRequestNumber(JsonNode event) {
        JsonNode n = event.path("pull_request").path("number");
        if (!n.isInt()) {
            n = event.path("number");
        }
        return n.isInt() ? Optional.of(n.asInt()) : Optional.empty();
    }

    private boolean detailedExitcode(ActionsRuntime actions) {
        return detailedExitcode || actions.booleanInput("detailed-exitcode").orElse(false);
    }

    private static Double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
