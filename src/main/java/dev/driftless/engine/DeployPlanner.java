package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpecHash;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.ServiceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what deploy changes, service by service, from the rendered spec and one read of the live
 * services (one DescribeServices per 10). Tags written by the last deploy answer "did it change?" without
 * reading task definitions; only a service without them costs a DescribeTaskDefinition.
 */
public final class DeployPlanner {
    private final DeploySpec spec;
    private final DesiredRenderer renderer;
    private final LiveStateReader reader;

    public DeployPlanner(DeploySpec spec, LiveStateReader reader) {
        this.spec = spec;
        this.renderer = new DesiredRenderer(spec);
        this.reader = reader;
    }

    public List<ServiceStep> plan(String environment, List<String> selected, ImageSelection images, boolean resume) {
        Map<String, ServiceView> views = spec.servicesIn(environment);
        for (String s : selected) {
            if (!views.containsKey(s)) {
                throw new DriftlessException("no service " + s + " in " + spec.file(),
                        "the services are: " + String.join(", ", views.keySet()));
            }
        }
        for (String s : images.byService().keySet()) {
            if (!views.containsKey(s)) {
                throw new DriftlessException("--images names service " + s + ", which " + spec.file() + " does not declare",
                        "the services are: " + String.join(", ", views.keySet()));
            }
        }
        List<String> names = selected.isEmpty() ? List.copyOf(views.keySet()) : selected;
        String cluster = spec.environment(environment).orElseThrow().cluster();
        LiveEnvironment live = reader.services(cluster, names);
        List<ServiceStep> steps = new ArrayList<>();
        for (String name : names) {
            ServiceView view = views.get(name);
            Optional<LiveService> l = live.service(name);
            DesiredService desired = renderer.render(view, imageUri(view, l, images));
            steps.add(step(desired, l.orElse(null), resume));
        }
        return steps;
    }

    private String imageUri(ServiceView view, Optional<LiveService> live, ImageSelection images) {
        String given = images.byService().get(view.name());
        if (given != null) {
            return given;
        }
        if (images.tag() != null) {
            return renderer.imageUri(view, new ImageRef.Tag(images.tag()));
        }
        if (live.isPresent()) {
            Optional<String> tagged = live.get().tag(ServiceTags.IMAGE);
            if (tagged.isPresent()) {
                return tagged.get();
            }
            return reader.taskDefinition(live.get().taskDefinitionArn(), view.name())
                    .map(td -> td.image())
                    .orElseThrow(() -> new DriftlessException("cannot read the image service " + view.name()
                            + " runs (" + live.get().taskDefinitionArn() + ")", "pass --image-tag or --images"));
        }
        throw new DriftlessException("service " + view.name() + " does not exist yet and no image was given for it",
                "pass --image-tag TAG or --images '{\"" + view.name() + "\":\"<uri>@sha256:...\"}' (the build step's images output)");
    }

    private ServiceStep step(DesiredService d, LiveService l, boolean resume) {
        if (l == null) {
            return new ServiceStep(d, null, ServiceStep.Kind.CREATE, true, true, true, null);
        }
        boolean tdChanged = taskDefinitionChanged(d, l);
        boolean settingsChanged = settingsChanged(d.settings(), l);
        boolean countChanged = d.autoscaling() == null && d.settings().desiredCount() != l.tag(ServiceTags.DESIRED_COUNT)
                .map(DeployPlanner::intOrMinus).orElse(l.desiredCount());
        Optional<String> pin = l.tag(DeployTags.ROLLED_BACK_FROM).filter(v -> !v.isBlank());
        if (pin.isPresent() && !resume && d.specHash().equals(pin.get())) {
            return new ServiceStep(d, l, ServiceStep.Kind.PINNED, false, false, false,
                    "rolled back to " + l.tag(DeployTags.ROLLED_BACK_TO).orElse(l.taskDefinitionArn())
                            + "; it stays there until its spec or image changes or `deploy --resume`");
        }
        if (pin.isPresent()) {
            // resuming (or a new image): deploy what the spec says even if the rendering equals the live one
            tdChanged = tdChanged || !d.specHash().equals(l.tag(ServiceTags.SPEC_HASH).orElse(""));
        }
        if (!tdChanged && !settingsChanged && !countChanged) {
            return new ServiceStep(d, l, ServiceStep.Kind.UNCHANGED, false, false, false, null);
        }
        return new ServiceStep(d, l, ServiceStep.Kind.UPDATE, tdChanged, settingsChanged, countChanged, null);
    }

    private boolean taskDefinitionChanged(DesiredService d, LiveService l) {
        Optional<String> hash = l.tag(ServiceTags.SPEC_HASH).filter(h -> !h.isBlank());
        boolean runsWhatWeDeployed = Objects.equals(l.tag(ServiceTags.TASK_DEFINITION).orElse(null), l.taskDefinitionArn());
        if (hash.isPresent() && runsWhatWeDeployed) {
            // the tags describe what runs: comparing hashes is enough, no DescribeTaskDefinition
            return !hash.get().equals(d.specHash());
        }
        return reader.taskDefinition(l.taskDefinitionArn(), d.name())
                .map(live -> !live.equals(d.taskDefinition())).orElse(true);
    }

    private static boolean settingsChanged(ServiceSettings desired, LiveService l) {
        if (SpecHash.of(desired).equals(l.tag(ServiceTags.SETTINGS_HASH).orElse(null))) {
            return false;
        }
        return l.settings() == null || !SpecHash.of(desired).equals(SpecHash.of(l.settings()));
    }

    private static int intOrMinus(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
