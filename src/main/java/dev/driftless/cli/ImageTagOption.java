package dev.driftless.cli;

import dev.driftless.plan.ImageRef;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --image-tag}: one rule for plan, build and deploy, so an empty or malformed tag is refused alike. */
final class ImageTagOption {
    private ImageTagOption() {
    }

    /** The tag or digest given, checked; a usage error (exit 2) names the flag and the grammar. */
    static ImageRef parse(String value, CommandLine commandLine) {
        try {
            return ImageRef.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--image-tag: " + e.getMessage());
        }
    }
}
