package dev.driftless.spec;

/** A task volume mounted into a container, in ECS's own field names. */
public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
}
