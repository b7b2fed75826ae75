package dev.driftless.spec;

import java.util.List;

/**
 * A container that must reach {@code condition} before this one starts (ECS {@code dependsOn}).
 *
 * @param condition START, COMPLETE, SUCCESS or HEALTHY
 */
public record ContainerDependency(String container, String condition) {
    public static final String START = "START";
    public static final String COMPLETE = "COMPLETE";
    public static final String SUCCESS = "SUCCESS";
    public static final String HEALTHY = "HEALTHY";
    public static final List<String> CONDITIONS = List.of(START, COMPLETE, SUCCESS, HEALTHY);
}
