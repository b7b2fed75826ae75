package dev.driftless.aws;

import dev.driftless.DriftlessException;
import dev.driftless.engine.build.ContainerRegistry;
import dev.driftless.engine.build.Finding;
import dev.driftless.engine.build.RegistryLogin;
import dev.driftless.engine.build.RepositoryEncryption;
import dev.driftless.engine.build.RepositorySettings;
import dev.driftless.engine.build.RepositoryState;
import dev.driftless.engine.build.ScanLookup;
import dev.driftless.engine.build.ScanReport;
import dev.driftless.engine.build.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/** {@link ContainerRegistry} on Amazon ECR. Every SDK error leaves here as a DriftlessException naming the fix. */
public final class EcrRegistry implements ContainerRegistry {
    /** One page is enough to show the worst findings; the severity counts are totals regardless. */
    private static final int FINDINGS_PAGE = 100;

    private final EcrClient ecr;

    public EcrRegistry(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public Optional<RepositoryState> describe(String repository) {
        Repository repo;
        try {
            repo = call("ecr:DescribeRepositories", "working on ECR repository " + repository,
                    () -> ecr.describeRepositories(r -> r.repositoryNames(repository)).repositories().get(0));
        } catch (RepositoryNotFound e) {
            return Optional.empty();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        call("ecr:ListTagsForResource", "working on ECR repository " + repository, () -> ecr.listTagsForResource(r -> r.resourceArn(repo.repositoryArn())))
                .tags().forEach(t -> tags.put(t.key(), t.value()));
        String policy = lifecyclePolicy(repository);
        return Optional.of(state(repo, tags, policy));
    }

    private String lifecyclePolicy(String repository) {
        try {
            return ecr.getLifecyclePolicy(r -> r.repositoryName(repository)).lifecyclePolicyText();
        } catch (LifecyclePolicyNotFoundException e) {
            return null;
        } catch (AwsServiceException | SdkClientException e) {
            throw AwsFailures.translate(e, "ecr:GetLifecyclePolicy", "working on ECR repository " + repository);
        }
    }

    @Override
    public RepositoryState create(RepositorySettings s) {
        Repository repo = call("ecr:CreateRepository", "working on ECR repository " + s.name(), () -> ecr.createRepository(r -> r
                .repositoryName(s.name())
                .imageScanningConfiguration(c -> c.scanOnPush(s.scanOnPush()))
                .imageTagMutability(s.immutableTags() ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE)
                .encryptionConfiguration(e -> {
                    e.encryptionType(s.encryption().type());
                    if (s.encryption() instanceof RepositoryEncryption.Kms kms && kms.key() != null) {
                        e.kmsKey(kms.key());
                    }
                })
                .tags(tags(s.tags()))).repository());
        return state(repo, s.tags(), null);
    }

    @Override
    public void setScanOnPush(String repository, boolean scanOnPush) {
        call("ecr:PutImageScanningConfiguration", "working on ECR repository " + repository, () -> ecr.putImageScanningConfiguration(r -> r
                .repositoryName(repository).imageScanningConfiguration(c -> c.scanOnPush(scanOnPush))));
    }

    @Override
    public void setImmutableTags(String repository, boolean immutable) {
        call("ecr:PutImageTagMutability", "working on ECR repository " + repository, () -> ecr.putImageTagMutability(r -> r
                .repositoryName(repository)
                .imageTagMutability(immutable ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE)));
    }

    @Override
    public void putLifecyclePolicy(String repository, String policyJson) {
        call("ecr:PutLifecyclePolicy", "working on ECR repository " + repository, () -> ecr.putLifecyclePolicy(r -> r
                .repositoryName(repository).lifecyclePolicyText(policyJson)));
    }

    @Override
    public void tag(String repositoryArn, Map<String, String> tags) {
        call("ecr:TagResource", "working on ECR repository " + repositoryArn, () -> ecr.tagResource(r -> r.resourceArn(repositoryArn).tags(tags(tags))));
    }

    @Override
    public RegistryLogin login() {
        List<AuthorizationData> data = call("ecr:GetAuthorizationToken", "logging in to the ECR registry",
                () -> ecr.getAuthorizationToken(r -> { }).authorizationData());
        if (data.isEmpty()) {
            throw new DriftlessException("ECR returned no authorization data", "check the region and the account's ECR access");
        }
        AuthorizationData auth = data.get(0);
        String decoded = new String(Base64.getDecoder().decode(auth.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new DriftlessException("ECR's authorization token is not user:password", "this is unexpected; rerun the job");
        }
        String host = auth.proxyEndpoint().replaceFirst("^https?://", "").replaceFirst("/+$", "");
        return new RegistryLogin(host, decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public Optional<String> digestOf(String repository, String tag) {
        try {
            return call("ecr:DescribeImages", "working on ECR repository " + repository, () -> ecr.describeImages(r -> r
                    .repositoryName(repository).imageIds(ImageIdentifier.builder().imageTag(tag).build())))
                    .imageDetails().stream().findFirst().map(d -> d.imageDigest());
        } catch (ImageMissing e) {
            return Optional.empty();
        }
    }

    @Override
    public ScanLookup scan(String repository, String digest) {
        DescribeImageScanFindingsResponse answer;
        try {
            answer = call("ecr:DescribeImageScanFindings", "working on ECR repository " + repository, () -> ecr.describeImageScanFindings(r -> r
                    .repositoryName(repository).imageId(i -> i.imageDigest(digest)).maxResults(FINDINGS_PAGE)));
        } catch (ImageMissing e) {
            return new ScanLookup.ImageMissing();
        } catch (ScanMissing e) {
            return new ScanLookup.NotStarted();
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        List<Finding> findings = new ArrayList<>();
        if (answer.imageScanFindings() != null) {
            answer.imageScanFindings().findingSeverityCountsAsStrings()
                    .forEach((k, v) -> counts.merge(Severity.ofEcr(k), v, Integer::sum));
            for (ImageScanFinding f : answer.imageScanFindings().findings()) {
                findings.add(new Finding(f.name(), Severity.ofEcr(f.severityAsString()), f.uri(), basicPackage(f)));
            }
            for (EnhancedImageScanFinding f : answer.imageScanFindings().enhancedFindings()) {
                findings.add(enhanced(f));
            }
        }
        String status = answer.imageScanStatus() == null ? "UNKNOWN" : answer.imageScanStatus().statusAsString();
        String description = answer.imageScanStatus() == null ? null : answer.imageScanStatus().description();
        return new ScanLookup.Found(new ScanReport(status, description, counts, findings));
    }

    @Override
    public void startScan(String repository, String digest) {
        try {
            ecr.startImageScan(r -> r.repositoryName(repository).imageId(i -> i.imageDigest(digest)));
        } catch (AwsServiceException e) {
            // once a day per image for basic scanning, and not at all under enhanced scanning: the scan
            // we wait for then comes from scan-on-push or Inspector, so a refusal is not an error
            if (e.statusCode() == 403) {
                throw AwsFailures.translate(e, "ecr:StartImageScan", "working on ECR repository " + repository);
            }
        }
    }

    private static Finding enhanced(EnhancedImageScanFinding f) {
        var details = f.packageVulnerabilityDetails();
        String id = details != null && details.vulnerabilityId() != null ? details.vulnerabilityId() : f.title();
        String link = details != null && details.sourceUrl() != null ? details.sourceUrl()
                : f.remediation() != null && f.remediation().recommendation() != null ? f.remediation().recommendation().url() : null;
        String pkg = details != null && !details.vulnerablePackages().isEmpty()
                ? details.vulnerablePackages().get(0).name() + " " + details.vulnerablePackages().get(0).version() : null;
        return new Finding(id, Severity.ofEcr(f.severity()), link, pkg);
    }

    private static String basicPackage(ImageScanFinding f) {
        String name = null;
        String version = null;
        for (var a : f.attributes()) {
            if ("package_name".equals(a.key())) {
                name = a.value();
            } else if ("package_version".equals(a.key())) {
                version = a.value();
            }
        }
        return name == null ? null : version == null ? name : name + " " + version;
    }

    private static RepositoryState state(Repository repo, Map<String, String> tags, String policy) {
        boolean scanOnPush = repo.imageScanningConfiguration() != null && Boolean.TRUE.equals(repo.imageScanningConfiguration().scanOnPush());
        String mutability = repo.imageTagMutabilityAsString();
        boolean immutable = mutability != null && mutability.startsWith("IMMUTABLE");
        var encryption = repo.encryptionConfiguration();
        return new RepositoryState(repo.repositoryName(), repo.repositoryArn(), repo.repositoryUri(), scanOnPush, immutable,
                encryption == null ? new RepositoryEncryption.Aes256()
                        : RepositoryEncryption.live(encryption.encryptionTypeAsString(), encryption.kmsKey()),
                tags, policy);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** Runs one ECR call, turning the errors callers handle into local signals and the rest into messages. */
    private static <T> T call(String action, String subject, Supplier<T> request) {
        try {
            return request.get();
        } catch (RepositoryNotFoundException e) {
            throw new RepositoryNotFound();
        } catch (ImageNotFoundException e) {
            throw new ImageMissing();
        } catch (ScanNotFoundException e) {
            throw new ScanMissing();
        } catch (AwsServiceException | SdkClientException e) {
            throw AwsFailures.translate(e, action, subject);
        }
    }

    private static final class RepositoryNotFound extends RuntimeException {
        RepositoryNotFound() {
            super(null, null, false, false);
        }
    }

    private static final class ImageMissing extends RuntimeException {
        ImageMissing() {
            super(null, null, false, false);
        }
    }

    private static final class ScanMissing extends RuntimeException {
        ScanMissing() {
            super(null, null, false, false);
        }
    }
}
