package dev.driftless.spec;

/** A task volume: a Fargate bind mount (task-local storage shared by containers) or an EFS file system. */
public sealed interface Volume {
    String name();

    /** Task storage shared by the containers that mount it; gone with the task. */
    record Bind(String name) implements Volume {
    }

    /**
     * An EFS file system.
     *
     * @param rootDirectory ignored by EFS when an access point is given (the access point sets the root)
     * @param transitEncryption TLS between the task and EFS; ECS requires it with an access point or IAM
     * @param iam authorise with the task role instead of the file system policy alone
     */
    record Efs(String name, String fileSystemId, String rootDirectory, String accessPointId, boolean transitEncryption,
            boolean iam) implements Volume {
    }
}
