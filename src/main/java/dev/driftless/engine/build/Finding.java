package dev.driftless.engine.build;

/**
 * One vulnerability ECR reported for an image.
 *
 * @param id the CVE (or other advisory) id
 * @param link where to read about it, or null
 * @param pkg the affected package and version, or null when ECR does not say
 */
public record Finding(String id, Severity severity, String link, String pkg) {
}
