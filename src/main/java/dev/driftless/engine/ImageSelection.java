package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.ImageRef;
import java.util.Map;
import java.util.Optional;

/**
 * Which image each service deploys: a URI per service (the build step's {@code images} output), one tag
 * for all, or neither (keep what runs). Services missing from the map keep their live image. Every value
 * is checked when the selection is made, so a bad one stops the run before any AWS call.
 */
public record ImageSelection(Map<String, String> byService, String tag) {

    public ImageSelection {
        byService = byService == null ? Map.of() : Map.copyOf(byService);
        if (!byService.isEmpty() && tag != null) {
            throw new DriftlessException("both --images and --image-tag given", "pass one of them");
        }
        byService.forEach(ImageSelection::imageRef);
        if (tag != null) {
            try {
                ImageRef.parse(tag);
            } catch (IllegalArgumentException e) {
                throw new DriftlessException("--image-tag: " + e.getMessage(), "pass the tag the build pushed, e.g. the commit SHA");
            }
        }
    }

    public static ImageSelection keepLive() {
        return new ImageSelection(Map.of(), null);
    }

    /** The image given for a service ({@code --images}, else {@code --image-tag}); empty to keep what runs. */
    public Optional<ImageRef> ref(String service) {
        String given = byService.get(service);
        if (given != null) {
            return Optional.of(imageRef(service, given));
        }
        return tag == null ? Optional.empty() : Optional.of(ImageRef.parse(tag));
    }

    /** An image from the build step's output: {@code <repo>@sha256:<hex>}, {@code <repo>:<tag>}, or a bare digest/tag. */
    static ImageRef imageRef(String service, String value) {
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new DriftlessException("--images: the image for " + service + " holds a line break or control character",
                    "pass one image reference per service on one line, as the build step's images output has it");
        }
        try {
            int at = value.lastIndexOf('@');
            if (at >= 0) {
                return new ImageRef.Digest(value.substring(at + 1));
            }
            int slash = value.lastIndexOf('/');
            int colon = value.lastIndexOf(':');
            return colon > slash ? new ImageRef.Tag(value.substring(colon + 1)) : ImageRef.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException("--images: the image for " + service + " (" + value
                    + ") is not <uri>@sha256:<digest> or <uri>:<tag>", "pass the build step's images output unchanged");
        }
    }
}
