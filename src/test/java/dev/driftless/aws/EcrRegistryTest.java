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

    private static final RepositorySettings WANT = new RepositorySettings("durable-code-backend", true, true, null,
            Map.of("Project", "durable-code", "driftless:application", "durable-code"),
            LifecyclePolicy.from(ImageSpec.Lifecycle.DEFAULT));

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
        assertThat(live.encryptionType()).isEqualTo("AES256");
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

    @Test
    void warnsWhenEncryptionDiffersBecauseEcrCannotChangeItInPlace(MotoServer moto) {
        EcrClient client = viaProxy(moto);
        client.createRepository(r -> r.repositoryName("durable-code-backend"));
        RepositorySettings kms = new RepositorySettings(WANT.name(), true, true,
                "arn:aws:kms:us-west-2:123456789012:key/abc", WANT.tags(), WANT.lifecyclePolicy());

        RepositoryReconciler.Outcome outcome = new RepositoryReconciler(new EcrRegistry(client)).ensure(kms, false);

        assertThat(outcome.warnings()).singleElement().asString()
                .contains("encrypted with AES256").contains("KMS key arn:aws:kms:us-west-2:123456789012:key/abc")
                .contains("recreate the repository");
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
