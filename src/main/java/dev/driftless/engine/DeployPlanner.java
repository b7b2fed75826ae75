package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.ChangeGroup;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.Plan;
import dev.driftless.plan.ServicePlan;
import dev.driftless.plan.ServiceTags;
import dev.driftless.spec.DeploySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the plan ({@link Planner}: one read of the live services, the normalised diff) into deploy steps,
 * and adds what only deploy cares about: the rollback pin, and images for services that do not exist yet.
 */
public final class DeployPlanner {
    /** Stands for "no image was given" in a rendering; a step still carrying it is refused before any change. */
    static final String NO_IMAGE = "driftless-no-image-given";
    private static final Set<ChangeGroup> SETTINGS = EnumSet.of(ChangeGroup.CAPACITY, ChangeGroup.NETWORK,
            ChangeGroup.LOAD_BALANCER, ChangeGroup.DEPLOYMENT);

    private final DeploySpec spec;
    private final LiveStateReader reader;
    private final java.time.Clock clock;

    public DeployPlanner(DeploySpec spec, LiveStateReader reader) {
        this(spec, reader, java.time.Clock.systemUTC());
    }

    /** @param clock decides whether a service's on-demand fallback from Fargate Spot is over */
    public DeployPlanner(DeploySpec spec, LiveStateReader reader, java.time.Clock clock) {
        this.spec = spec;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Refuses names the spec does not declare ({@code --service}, keys of {@code --images}); pure, so the
     * command runs it before any AWS call.
     */
    public static void check(DeploySpec spec, String environment, List<String> selected, ImageSelection images) {
        var views = spec.servicesIn(environment);
        for (String s : selected) {
            if (!views.containsKey(s)) {
                throw new DriftlessException("no service " + s + " in " + spec.file(),
                        "the services are: " + String.join(", ", views.keySet()));
            }
        }
        for (String s : images.byService().keySet()) {
            int slash = s.indexOf('/');
            boolean sidecar = slash > 0 && views.containsKey(s.substring(0, slash))
                    && views.get(s.substring(0, slash)).sidecars().containsKey(s.substring(slash + 1));
            if (!views.containsKey(s) && !sidecar) {
                throw new DriftlessException("--images names service " + s + ", which " + spec.file() + " does not declare",
                        "the services are: " + String.join(", ", views.keySet()));
            }
        }
        ImageOwnership.check(spec, images.byService());
    }

    public List<ServiceStep> plan(String environment, List<String> selected, ImageSelection images, boolean resume) {
        check(spec, environment, selected, images);
        RememberingReader remembering = new RememberingReader(reader);
        Plan plan = new Planner(remembering).plan(spec, environment, selected, imageRefs(images), label(images),
                clock.instant());
        List<ServiceStep> steps = new ArrayList<>();
        List<String> withoutImage = new ArrayList<>();
        for (ServicePlan p : plan.services()) {
            if (p.desired().taskDefinition().image().endsWith(":" + NO_IMAGE)) {
                withoutImage.add(p.service());
            }
            steps.add(step(p, remembering.service(p.service()).orElse(null), resume));
        }
        if (!withoutImage.isEmpty()) {
            throw new DriftlessException("service " + String.join(", ", withoutImage)
                    + " does not exist yet and no image was given for it — nothing was changed",
                    "pass --image-tag TAG or --images '{\"" + withoutImage.get(0)
                            + "\":\"<uri>@sha256:...\"}' (the build step's images output)");
        }
        return steps;
    }

    private static Function<String, ImageRef> imageRefs(ImageSelection images) {
        return service -> images.ref(service).orElseGet(() -> new ImageRef.KeepLive(new ImageRef.Tag(NO_IMAGE)));
    }

    private static String label(ImageSelection images) {
        if (!images.byService().isEmpty()) {
            return "built images";
        }
        return images.tag() != null ? "tag " + images.tag() : "keep live images";
    }

    private static String shortName(String arn) {
        return arn == null ? "none" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static ServiceStep step(ServicePlan p, LiveService live, boolean resume) {
        if (p.action() == ServicePlan.Action.CREATE) {
            return new ServiceStep(p, null, ServiceStep.Kind.CREATE, true, true, true, null);
        }
        boolean td = p.registerTaskDefinition();
        boolean settings = p.groups().stream().anyMatch(SETTINGS::contains);
        boolean count = p.groups().contains(ChangeGroup.DESIRED_COUNT);
        boolean scaling = p.updateAutoscaling();
        Optional<String> pin = live == null ? Optional.empty()
                : live.tag(DeployTags.ROLLED_BACK_FROM).filter(v -> !v.isBlank());
        if (pin.isPresent() && !resume && p.desired().specHash().equals(pin.get())) {
            return new ServiceStep(p, live, ServiceStep.Kind.PINNED, false, false, false,
                    "rolled back to " + live.tag(DeployTags.ROLLED_BACK_TO).orElse(live.taskDefinitionArn())
                            + "; it stays there until its spec or image changes or `deploy --resume`");
        }
        if (pin.isPresent()) {
            // resuming, or a new image: deploy the rendering even where it equals a revision that ran before
            td = td || !p.desired().specHash().equals(live.tag(ServiceTags.SPEC_HASH).orElse(""));
        }
        if (!td && !settings && !count && !scaling) {
            if (p.groups().contains(ChangeGroup.METADATA)) {
                return new ServiceStep(p, live, ServiceStep.Kind.RETAG, false, false, false,
                        p.changes().stream().filter(c -> c.group() == ChangeGroup.METADATA).findFirst()
                                .map(c -> "they " + c.from() + ", it runs " + shortName(live.taskDefinitionArn())).orElse(""));
            }
            if (p.groups().contains(ChangeGroup.SCHEDULE)) {
                // stop/start read the schedule from the spec; the tag only keeps the next plan from listing it again
                return new ServiceStep(p, live, ServiceStep.Kind.RECORD, false, false, false,
                        dev.driftless.plan.ScheduleText.tag(p.desired().schedule()));
            }
            if (live != null && live.tag(ServiceTags.SPEC_HASH).isEmpty()) {
                return new ServiceStep(p, live, ServiceStep.Kind.ADOPT, false, false, false,
                        "adopt: tags only — nothing registered or updated");
            }
            return new ServiceStep(p, live, ServiceStep.Kind.UNCHANGED, false, false, false, null);
        }
        return new ServiceStep(p, live, ServiceStep.Kind.UPDATE, td, settings, count, null);
    }
}
