package dev.driftless.engine.build;

import java.util.Optional;

/** The image registry (ECR) as the build needs it. Implementations translate errors into DriftlessException. */
public interface ContainerRegistry {
    Optional<RepositoryState> describe(String repository);

    /** Creates the repository with every creation-time setting; returns what ECR made. */
    RepositoryState create(RepositorySettings settings);

    void setScanOnPush(String repository, boolean scanOnPush);

    void setImmutableTags(String repository, boolean immutable);

    void putLifecyclePolicy(String repository, String policyJson);

    /** Adds or overwrites these tags; leaves other tags alone. */
    void tag(String repositoryArn, java.util.Map<String, String> tags);

    /** A docker login for the account's registry, host from the token's proxy endpoint. */
    RegistryLogin login();

    /** The digest a tag points at, or empty when the repository has no such tag. */
    Optional<String> digestOf(String repository, String tag);

    /** The image's scan, if the image is there and a scan has started. */
    ScanLookup scan(String repository, String digest);

    /** Asks for a scan; a registry that scans on push or already scanned today may refuse, which is fine. */
    void startScan(String repository, String digest);
}
