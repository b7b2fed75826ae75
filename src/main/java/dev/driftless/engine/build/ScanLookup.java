package dev.driftless.engine.build;

/** What asking the registry for an image's scan can give. */
public sealed interface ScanLookup {
    /** The registry does not hold the image (yet). */
    record ImageMissing() implements ScanLookup {
    }

    /** The image is there; no scan has started for it. */
    record NotStarted() implements ScanLookup {
    }

    record Found(ScanReport report) implements ScanLookup {
    }
}
