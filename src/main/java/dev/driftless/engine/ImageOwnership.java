package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.ImageRef;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.ServiceSpec;
import dev.driftless.spec.Sidecar;
import dev.driftless.spec.SidecarImage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which images {@code --images} may name for a service: its own ECR repository in the spec's registry, by
 * digest or tag (or a bare digest or tag of that repository). Anything else (another registry, another
 * repository, a second line) is refused before any AWS call, so the value deploys exactly what it says.
 *
 * <p>The one place that decides it: a container with a foreign image (a sidecar's
 * {@code public.ecr.aws/...}) extends {@link #allowedRepositories}.
 */
public final class ImageOwnership {
    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}");
    private static final Pattern TAG = Pattern.compile(":[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private ImageOwnership() {
    }

    /** Throws unless every value is an image of its service's repository. */
    public static void check(DeploySpec spec, Map<String, String> byService) {
        byService.forEach((service, value) -> {
            // a sidecar's image is keyed "service/container", as build's images output has it
            int slash = service.indexOf('/');
            ServiceSpec s = spec.services().get(slash < 0 ? service : service.substring(0, slash));
            Sidecar sidecar = s == null || slash < 0 ? null : s.sidecars().get(service.substring(slash + 1));
            if (s == null || slash >= 0 && sidecar == null) {
                throw new DriftlessException("--images names service " + service + ", which " + spec.file()
                        + " does not declare", "the services are: " + String.join(", ", spec.services().keySet())
                        + " (a sidecar is named service/container)");
            }
            List<String> allowed = sidecar == null ? allowedRepositories(spec, s) : allowedRepositories(spec, sidecar);
            if (!allowed.stream().anyMatch(repo -> ofRepository(value, repo)) && !bare(value)) {
                throw new DriftlessException("--images: the image for " + service + " (" + value + ") is not an image of "
                        + String.join(" or ", allowed),
                        "pass " + allowed.get(0) + "@sha256:<digest> or " + allowed.get(0)
                                + ":<tag>, as the build step's images output has it");
            }
        });
    }

    /** The repositories a service's images may come from: its own, in the spec's account and region. */
    static List<String> allowedRepositories(DeploySpec spec, ServiceSpec service) {
        String repository = service.image() != null && service.image().repository() != null
                ? service.image().repository() : spec.name() + "-" + service.name();
        return List.of(spec.account() + ".dkr.ecr." + spec.region() + ".amazonaws.com/" + repository);
    }

    /**
     * A sidecar's images: its ECR repository when driftless builds it, else the repository of the image it
     * names (that image at another tag or digest).
     */
    static List<String> allowedRepositories(DeploySpec spec, Sidecar sidecar) {
        if (sidecar.image() instanceof SidecarImage.Repository r) {
            return List.of(spec.account() + ".dkr.ecr." + spec.region() + ".amazonaws.com/" + r.image().repository());
        }
        String uri = ((SidecarImage.Reference) sidecar.image()).uri();
        int at = uri.indexOf('@');
        String name = at >= 0 ? uri.substring(0, at) : uri;
        int colon = name.lastIndexOf(':');
        return List.of(colon > name.lastIndexOf('/') ? name.substring(0, colon) : name);
    }

    private static boolean ofRepository(String value, String repository) {
        if (!value.startsWith(repository)) {
            return false;
        }
        String rest = value.substring(repository.length());
        return DIGEST.matcher(rest).matches() || TAG.matcher(rest).matches();
    }

    /** A digest or tag alone names the service's own repository. */
    private static boolean bare(String value) {
        try {
            ImageRef.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
