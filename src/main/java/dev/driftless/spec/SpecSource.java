package dev.driftless.spec;

/**
 * One spec file's text and the name messages call it by (the path as the user gave it, e.g.
 * {@code deploy-specs/durable-code.yaml}, which is also what Actions annotations need).
 */
public record SpecSource(String file, String text) {
}
