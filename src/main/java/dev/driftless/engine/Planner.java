package dev.driftless.engine;

import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.Plan;
import dev.driftless.plan.PlanDiff;
import dev.driftless.plan.ServicePlan;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpotFallback;
import dev.driftless.plan.TaskDefinition;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Computes the plan for one environment: reads live state once (DescribeServices batched 10 per call
 * with tags, the scaling targets), renders each service, fetches a task definition only where the
 * service's tags cannot prove it unchanged, and diffs. Deploy applies the {@link Plan} it returns.
 */
public final class Planner {
    private final LiveStateReader reader;

    public Planner(LiveStateReader reader) {
        this.reader = reader;
    }

    /**
     * @param services the services to plan, empty for all (unknown names are the caller's to reject)
     * @param images the image for each service; {@link ImageRef.KeepLive} keeps what runs
     * @param imageLabel how the plan describes its image choice ("tag abc123")
     */
    public Plan plan(DeploySpec spec, String environment, List<String> services, Function<String, ImageRef> images,
                     String imageLabel, Instant at) {
        EnvironmentSpec env = spec.environment(environment)
                .orElseThrow(() -> new IllegalArgumentException("no environment " + environment));
        Map<String, ServiceView> views = new java.util.LinkedHashMap<>(spec.servicesIn(environment));
        if (!services.isEmpty()) {
            views.keySet().retainAll(services);
        }
        List<String> names = List.copyOf(views.keySet());
        LiveEnvironment live = reader.services(env.cluster(), names);
        List<String> scaled = views.values().stream()
                .filter(v -> live.service(v.name()).map(ls -> autoscalingInPlay(v, ls)).orElse(false))
                .map(ServiceView::name).toList();
        Map<String, LiveScaling> scaling = scaled.isEmpty() ? Map.of() : reader.scaling(env.cluster(), scaled);
        Map<String, Optional<TaskDefinition>> fetched = new HashMap<>();
        DesiredRenderer renderer = new DesiredRenderer(spec);
        List<ServicePlan> plans = new ArrayList<>();
        for (ServiceView view : views.values()) {
            LiveService ls = live.service(view.name()).orElse(null);
            String image = imageUri(renderer, view, images.apply(view.name()), ls, fetched);
            DesiredService desired = renderer.render(view, image, sidecarImages(renderer, view, images, ls, fetched));
            // a service on its on-demand fallback from Spot: until capacity.fallbackFor has passed, on-demand is
            // what the spec means (a known, temporary difference, not drift); after it, the plan returns it to Spot
            boolean specOnSpot = SpotFallback.usesSpot(desired.settings().capacityProviderStrategy());
            Optional<Instant> fellBack = SpotFallback.since(ls).filter(t -> specOnSpot);
            boolean fallbackOver = fellBack.isPresent() && SpotFallback.over(ls, at, env.capacityFallbackFor());
            if (fellBack.isPresent() && !fallbackOver) {
                desired = desired.withSettings(desired.settings().withCapacity(ls.settings().capacityProviderStrategy()));
            }
            TaskDefinition liveTd = null;
            TaskDefinition deployedTd = null;
            if (PlanDiff.needsLiveTaskDefinition(desired, ls)) {
                liveTd = fetch(fetched, ls.taskDefinitionArn(), view.containerName()).orElse(null);
            }
            Optional<String> deployedArn = PlanDiff.needsDeployedTaskDefinition(desired, ls);
            if (deployedArn.isPresent()) {
                deployedTd = fetch(fetched, deployedArn.get(), view.containerName()).orElse(null);
            }
            if (ls != null && liveTd == null && PlanDiff.needsLiveTaskDefinition(desired, ls)) {
                // the live definition was deregistered and deleted; compare against nothing rather than fail
                liveTd = new TaskDefinition(null, 0, 0, null, List.of(), null, null, null, null, null);
            }
            ServicePlan planned = PlanDiff.diff(new PlanDiff.Inputs(desired, ls, liveTd, deployedTd, scaling.get(view.name())));
            plans.add(fellBack.isEmpty() ? planned
                    : planned.withNote(SpotFallback.note(fellBack.get(), env.capacityFallbackFor(), fallbackOver)));
        }
        return new Plan(spec.name(), environment, env.cluster(), live.clusterExists(), imageLabel, at, plans);
    }

    /**
     * Whether the service's scalable target needs reading: the spec autoscales it, driftless applied
     * autoscaling to it before, or driftless never deployed it (a target made elsewhere is then shown).
     * A service driftless deployed without autoscaling, whose spec still has none, is not read — which keeps
     * the plain image deploy to DescribeServices, RegisterTaskDefinition and UpdateService.
     */
    static boolean autoscalingInPlay(ServiceView view, LiveService live) {
        return view.autoscaling() != null
                || live.tag(ServiceTags.AUTOSCALING).map(t -> !t.equals(ServiceTags.autoscaling(null))).orElse(true);
    }

    private String imageUri(DesiredRenderer renderer, ServiceView view, ImageRef ref, LiveService live,
                            Map<String, Optional<TaskDefinition>> fetched) {
        if (!(ref instanceof ImageRef.KeepLive keep)) {
            return renderer.imageUri(view, ref);
        }
        if (live != null) {
            Optional<String> tagged = live.tag(ServiceTags.IMAGE);
            if (tagged.isPresent() && live.tag(ServiceTags.TASK_DEFINITION).map(live.taskDefinitionArn()::equals).orElse(false)) {
                return tagged.get();
            }
            Optional<TaskDefinition> td = fetch(fetched, live.taskDefinitionArn(), view.containerName());
            if (td.isPresent() && td.get().container() != null) {
                return td.get().image();
            }
        }
        return imageUri(renderer, view, keep.fallback(), null, fetched);
    }

    /**
     * Images for sidecars built from repositories: the one given for {@code service/sidecar} (the build's images
     * output), else what runs now when nothing is given for the service at all; absent ones follow the main tag.
     */
    private Map<String, String> sidecarImages(DesiredRenderer renderer, ServiceView view, Function<String, ImageRef> images,
            LiveService live, Map<String, Optional<TaskDefinition>> fetched) {
        Map<String, String> out = new HashMap<>();
        view.sidecars().forEach((name, sidecar) -> {
            if (!(sidecar.image() instanceof dev.driftless.spec.SidecarImage.Repository repo)) {
                return;
            }
            ImageRef ref = images.apply(view.name() + "/" + name);
            if (!(ref instanceof ImageRef.KeepLive)) {
                out.put(name, renderer.sidecarImageUri(repo, ref));
            } else if (images.apply(view.name()) instanceof ImageRef.Digest) {
                throw new dev.driftless.DriftlessException("no image for sidecar " + view.name() + "/" + name
                        + ", which is built from " + repo.image().repository() + ", while " + view.name()
                        + " deploys by digest", "pass the build step's images output unchanged: it has an entry "
                        + view.name() + "/" + name + " for each sidecar it builds");
            } else if (images.apply(view.name()) instanceof ImageRef.KeepLive && live != null) {
                fetch(fetched, live.taskDefinitionArn(), view.name())
                        .map(td -> td.sidecars().get(name))
                        .ifPresent(c -> out.put(name, c.image()));
            }
        });
        return out;
    }

    private Optional<TaskDefinition> fetch(Map<String, Optional<TaskDefinition>> cache, String arn, String container) {
        return cache.computeIfAbsent(arn, a -> reader.taskDefinition(a, container));
    }
}
