package dev.driftless.engine;

import dev.driftless.DriftlessException;
import java.util.Map;

/**
 * Which image each service deploys: a URI per service (the build step's {@code images} output), one tag
 * for all, or neither (keep what runs). Services missing from the map keep their live image.
 */
public record ImageSelection(Map<String, String> byService, String tag) {

    public ImageSelection {
        byService = byService == null ? Map.of() : Map.copyOf(byService);
        if (!byService.isEmpty() && tag != null) {
            throw new DriftlessException("both --images and --image-tag given", "pass one of them");
        }
    }

    public static ImageSelection keepLive() {
        return new ImageSelection(Map.of(), null);
    }
}
