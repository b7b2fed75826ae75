package dev.driftless.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.DriftlessException;
import dev.driftless.engine.build.LifecyclePolicy;
import dev.driftless.engine.build.RegistryLogin;
import dev.driftless.engine.build.RepositoryEncryption;
import dev.driftless.engine.build.RepositoryReconciler;
import dev.driftless.engine.build.RepositorySettings;
import dev.driftless.engine.build.RepositoryState;
import dev.driftless.spec.ImageSpec;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

@ExtendWith(MotoExtension.class)
class EcrRegistryTest {
    /** ECR operations that change something; the journal must show none of them on a second run. */
    private static final Set<String> MUTATING = Set.of("CreateRepository", "PutImageScanningConfiguration",
            "PutImageTagMutability", "PutLifecyclePolicy", "TagResource", "UntagResource", "DeleteLifecyclePolicy",
            "SetRepositoryPolicy", "DeleteRepository");

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final RepositorySettings WANT = new RepositorySettings("durable-code-backend", true, true,
            new RepositoryEncryption.Aes256(), Map.of("Project", "durable-code", "driftless:application", "durable-code"),
            LifecyclePolicy.from(ImageSpec.Lifecycle.DEFAULT));
    private static final String KEY = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private EcrClient viaProxy(MotoServer moto) {
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        return EcrTestClients.at(proxy.baseUrl());
    }

    private static List<String> operations() {
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> newestFirst = proxy.getAllServeEvents();
        return java.util.stream.IntStream.range(0, newestFirst.size())
                .mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i))
                .map(e -> e.getRequest())
                .map(LoggedRequest::getHeaders)
                .map(h -> h.getHeader("X-Amz-Target").firstValue())
                .map(t -> t.substring(t.indexOf('.') + 1))
                .toList();
    }

    private static List<String> mutatingOperations() {
        return operations().stream().filter(MUTATING::contains).toList();
    }

    @Test
    void createsTheRepositoryWithItsSettingsThenMakesNoMutatingCallOnASecondRun(MotoServer moto) {
        EcrRegistry ecr = new EcrRegistry(viaProxy(moto));
        RepositoryReconciler reconciler = new RepositoryReconciler(ecr);

        RepositoryReconciler.Outcome first = reconciler.ensure(WANT, false);

        assertThat(first.changes()).singleElement().asString().startsWith("create repository durable-code-backend");
        assertThat(first.uri()).isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend");
        assertThat(mutatingOperations()).containsExactly("CreateRepository", "PutLifecyclePolicy");
        RepositoryState live = ecr.describe("durable-code-backend").orElseThrow();
        assertThat(live.scanOnPush()).isTrue();
        assertThat(live.immutableTags()).isTrue();
        assertThat(live.encryption()).isEqualTo(new RepositoryEncryption.Aes256());
        assertThat(live.tags()).containsEntry("Project", "durable-code");
        assertThat(LifecyclePolicy.sameMeaning(live.lifecyclePolicy(), WANT.lifecyclePolicy())).isTrue();
        assertThat(live.lifecyclePolicy()).contains("\"countNumber\":20").contains("\"countNumber\":7");

        proxy.resetRequests();
        RepositoryReconciler.Outcome second = reconciler.ensure(WANT, false);

        assertThat(second.changes()).isEmpty();
        assertThat(operations()).isNotEmpty().containsOnly("DescribeRepositories", "ListTagsForResource", "GetLifecyclePolicy");
        assertThat(mutatingOperations()).isEmpty();
    }

    @Test
    void fixesOnlyWhatDriftedAndThenIsQuiet(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        client.createRepository(r -> r.repositoryName("durable-code-backend")
                .imageTagMutability(ImageTagMutability.MUTABLE)
                .imageScanningConfiguration(c -> c.scanOnPush(false))
                .tags(t -> t.key("Project").value("old")));
        RepositoryReconciler reconciler = new RepositoryReconciler(new EcrRegistry(client));
        proxy.resetRequests();

        RepositoryReconciler.Outcome fixed = reconciler.ensure(WANT, false);

        assertThat(fixed.changes()).containsExactly(
                "scan on push off → on",
                "tag immutability MUTABLE → IMMUTABLE",
                "tags {Project=durable-code, driftless:application=durable-code}",
                "add lifecycle policy");
        assertThat(mutatingOperations()).containsExactly(
                "PutImageScanningConfiguration", "PutImageTagMutability", "TagResource", "PutLifecyclePolicy");

        proxy.resetRequests();
        assertThat(reconciler.ensure(WANT, false).changes()).isEmpty();
        assertThat(mutatingOperations()).isEmpty();
    }

    @Test
    void aDryRunReportsTheCreationAndChangesNothing(MotoServer moto) {
        RepositoryReconciler reconciler = new RepositoryReconciler(new EcrRegistry(viaProxy(moto)));

        RepositoryReconciler.Outcome outcome = reconciler.ensure(WANT, true);

        assertThat(outcome.changes()).singleElement().asString().contains("create repository durable-code-backend");
        assertThat(outcome.uri()).isNull();
        assertThat(mutatingOperations()).isEmpty();
    }

    private static RepositorySettings encrypted(String name, RepositoryEncryption encryption) {
        return new RepositorySettings(name, WANT.scanOnPush(), WANT.immutableTags(), encryption, WANT.tags(),
                WANT.lifecyclePolicy());
    }

    private static software.amazon.awssdk.services.ecr.model.EncryptionConfiguration encryptionOf(EcrClient client, String name) {
        return client.describeRepositories(r -> r.repositoryNames(name)).repositories().get(0).encryptionConfiguration();
    }

    @Test
    void createsAKmsRepositoryWithTheSpecsKeyThenMakesNoMutatingCallOnASecondRun(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        RepositoryReconciler reconciler = new RepositoryReconciler(new EcrRegistry(client));
        RepositorySettings kms = encrypted(WANT.name(), new RepositoryEncryption.Kms(KEY));

        RepositoryReconciler.Outcome first = reconciler.ensure(kms, false);

        assertThat(first.changes()).singleElement().asString().contains("KMS key " + KEY + " encryption");
        assertThat(encryptionOf(client, WANT.name()).encryptionTypeAsString()).isEqualTo("KMS");
        assertThat(encryptionOf(client, WANT.name()).kmsKey()).isEqualTo(KEY);

        proxy.resetRequests();
        assertThat(reconciler.ensure(kms, false).changes()).isEmpty();
        assertThat(operations()).isNotEmpty();
        assertThat(mutatingOperations()).isEmpty();
    }

    @Test
    void kmsWithoutAKeyLeavesTheKeyToEcrAndAcceptsTheOneItChose(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        RepositoryReconciler reconciler = new RepositoryReconciler(new EcrRegistry(client));
        RepositorySettings managed = encrypted(WANT.name(), new RepositoryEncryption.Kms(null));

        reconciler.ensure(managed, false);

        assertThat(proxy.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl())
                        .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerRegistry_V20150921.CreateRepository"))))
                .singleElement().extracting(LoggedRequest::getBodyAsString).asString()
                .contains("\"encryptionConfiguration\":{\"encryptionType\":\"KMS\"}");
        assertThat(encryptionOf(client, WANT.name()).kmsKey()).startsWith("arn:aws:kms:us-west-2:123456789012:key/");
        proxy.resetRequests();
        assertThat(reconciler.ensure(managed, false).changes()).isEmpty();
        assertThat(mutatingOperations()).isEmpty();
    }

    @Test
    void aes256IsTheDefaultAndSaidExplicitlyToEcr(MotoServer moto) {
        EcrClient client = viaProxy(moto);

        new RepositoryReconciler(new EcrRegistry(client)).ensure(WANT, false);

        assertThat(encryptionOf(client, WANT.name()).encryptionTypeAsString()).isEqualTo("AES256");
        assertThat(encryptionOf(client, WANT.name()).kmsKey()).isNull();
    }

    @Test
    void anEncryptionMismatchStopsTheRunBeforeAnyMutatingCallAndSaysHowToFixIt(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        client.createRepository(r -> r.repositoryName("durable-code-frontend"));
        proxy.resetRequests();
        RepositoryReconciler reconciler = new RepositoryReconciler(new EcrRegistry(client));
        // the first repository is missing (would be created), the second differs: nothing may happen to either
        List<RepositorySettings> wanted = List.of(
                WANT, encrypted("durable-code-frontend", new RepositoryEncryption.Kms(KEY)));

        assertThatThrownBy(() -> reconciler.ensureAll(wanted, false))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("ECR repository durable-code-frontend is encrypted with AES256 but the spec asks for KMS key "
                        + KEY + " (nothing was changed)")
                .satisfies(e -> assertThat(((DriftlessException) e).hint())
                        .contains("delete and recreate the repository")
                        .contains("durable-code-frontend: encryption: AES256"));
        assertThat(operations()).containsOnly("DescribeRepositories", "ListTagsForResource", "GetLifecyclePolicy");
        assertThat(mutatingOperations()).isEmpty();
        assertThat(client.describeRepositories().repositories()).extracting(r -> r.repositoryName())
                .containsExactly("durable-code-frontend");
    }

    @Test
    void aDifferentKmsKeyIsAMismatchTooAndTheHintNamesTheLiveKey(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        String other = KEY.replace("1234abcd", "9999ffff");
        client.createRepository(r -> r.repositoryName(WANT.name()).encryptionConfiguration(e -> e.encryptionType("KMS").kmsKey(other)));
        proxy.resetRequests();

        assertThatThrownBy(() -> new RepositoryReconciler(new EcrRegistry(client))
                .ensure(encrypted(WANT.name(), new RepositoryEncryption.Kms(KEY)), true))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("is encrypted with KMS key " + other + " but the spec asks for KMS key " + KEY)
                .satisfies(e -> assertThat(((DriftlessException) e).hint())
                        .contains("durable-code-backend: encryption: KMS, kmsKey: " + other));
        assertThat(mutatingOperations()).isEmpty();
    }

    @Test
    void aKmsRepositoryIsAMismatchForASpecThatSaysAes256(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        client.createRepository(r -> r.repositoryName(WANT.name()).encryptionConfiguration(e -> e.encryptionType("KMS").kmsKey(KEY)));

        assertThatThrownBy(() -> new RepositoryReconciler(new EcrRegistry(client)).ensure(WANT, false))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("is encrypted with KMS key " + KEY + " but the spec asks for AES256");
    }

    @Test
    void loginTakesTheHostFromTheProxyEndpointAndSplitsTheToken(MotoServer moto) {
        RegistryLogin login = new EcrRegistry(EcrTestClients.at(moto.endpoint())).login();

        assertThat(login.host()).isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com");
        assertThat(login.username()).isEqualTo("AWS");
        assertThat(login.password()).isEqualTo("123456789012-auth-token");
        assertThat(login.toString()).doesNotContain("auth-token");
    }

    @Test
    void anAccessDeniedNamesTheIamAction(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        proxy.stubFor(post(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerRegistry_V20150921.CreateRepository"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform ecr:CreateRepository\"}")));

        assertThatThrownBy(() -> new RepositoryReconciler(new EcrRegistry(client)).ensure(WANT, false))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("AWS denied ecr:CreateRepository while working on ECR repository durable-code-backend")
                .satisfies(e -> assertThat(((DriftlessException) e).hint()).contains("allow ecr:CreateRepository"));
    }

    @Test
    void findsTheDigestATagPointsAt(MotoServer moto) {
        EcrClient client = EcrTestClients.at(moto.endpoint());
        client.createRepository(r -> r.repositoryName("durable-code-backend"));
        String digest = TestImages.put(client, "durable-code-backend", "abc123");
        EcrRegistry ecr = new EcrRegistry(client);

        assertThat(ecr.digestOf("durable-code-backend", "abc123")).contains(digest);
        assertThat(ecr.digestOf("durable-code-backend", "nope")).isEmpty();
    }
}
