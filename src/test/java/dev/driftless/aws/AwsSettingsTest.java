package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @ParameterizedTest(name = "spec={0} AWS_REGION={1} AWS_DEFAULT_REGION={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "us-west-2, eu-west-1, eu-central-1, us-west-2",
        "-,         eu-west-1, eu-central-1, eu-west-1",
        "-,         -,         eu-central-1, eu-central-1",
        "'',        ' ',       ap-southeast-2, ap-southeast-2",
    })
    void regionComesFromSpecThenAwsRegionThenAwsDefaultRegion(String spec, String awsRegion, String defaultRegion, String expected) {
        Map<String, String> env = new HashMap<>();
        if (awsRegion != null) {
            env.put("AWS_REGION", awsRegion);
        }
        env.put("AWS_DEFAULT_REGION", defaultRegion);

        assertThat(AwsSettings.resolveRegion(spec, env)).isEqualTo(expected);
    }

    @Test
    void noRegionNamesTheFix() {
        assertThatThrownBy(() -> AwsSettings.resolveRegion(null, Map.of()))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("no AWS region")
                .extracting(e -> ((DriftlessException) e).hint()).asString()
                .contains("region: ").contains("AWS_REGION");
    }

    @Test
    void aMistypedRegionIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> AwsSettings.resolveRegion("us-west", Map.of()))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("'us-west' is not an AWS region");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        // service,                 AWS_ENDPOINT_URL,    per-service variable,               value,               expected
        "ECS,                      http://all:1,        AWS_ENDPOINT_URL_ECS,               http://ecs:2,        http://ecs:2",
        "ECR,                      http://all:1,        AWS_ENDPOINT_URL_ECS,               http://ecs:2,        http://all:1",
        "STS,                      -,                   AWS_ENDPOINT_URL_STS,               http://sts:3,        http://sts:3",
        "APPLICATION_AUTO_SCALING, -,                   AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING, http://aas:4, http://aas:4",
        "COST_EXPLORER,            http://all:1,        AWS_ENDPOINT_URL_COST_EXPLORER,     https://ce.local:5,  https://ce.local:5",
        "ECS,                      -,                   AWS_ENDPOINT_URL_ECR,               http://ecr:6,        -",
    })
    void endpointOverridesFollowTheSdkVariables(ServiceId service, String all, String variable, String value, String expected) {
        Map<String, String> env = new HashMap<>();
        if (all != null) {
            env.put("AWS_ENDPOINT_URL", all);
        }
        env.put(variable, value);
        AwsSettings settings = AwsSettings.of("us-west-2", env);

        assertThat(settings.endpointOverride(service).map(URI::toString).orElse(null)).isEqualTo(expected);
    }

    @Test
    void ignoreConfiguredEndpointUrlsTurnsOverridesOff() {
        AwsSettings settings = AwsSettings.of("us-west-2",
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        assertThat(settings.endpointOverride(ServiceId.ECS)).isEmpty();
    }

    @Test
    void costExplorerIsGlobalInUsEast1WhateverTheRegion() {
        ServiceEndpoint ce = AwsSettings.of("eu-west-1", Map.of()).endpoint(ServiceId.COST_EXPLORER);

        assertThat(ce.uri()).hasToString("https://ce.us-east-1.amazonaws.com");
        assertThat(ce.signingRegion()).isEqualTo("us-east-1");
        assertThat(ce.signingName()).isEqualTo("ce");
        assertThat(ce.overridden()).isFalse();
    }

    @Test
    void anOverriddenCostExplorerStillSignsForUsEast1() {
        ServiceEndpoint ce = AwsSettings.of("eu-west-1", Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"))
                .endpoint(ServiceId.COST_EXPLORER);

        assertThat(ce.uri()).hasToString("http://127.0.0.1:5000");
        assertThat(ce.signingRegion()).isEqualTo("us-east-1");
        assertThat(ce.overridden()).isTrue();
    }

    @Test
    void regionalServicesResolveToTheirRegionalEndpoint() {
        assertThat(AwsSettings.of("eu-west-1", Map.of()).endpoint(ServiceId.ECR).uri())
                .hasToString("https://api.ecr.eu-west-1.amazonaws.com");
    }

    @Test
    void anEndpointThatIsNotAUrlNamesTheVariable() {
        AwsSettings settings = AwsSettings.of("us-west-2", Map.of("AWS_ENDPOINT_URL_ECS", "localhost:4566"));

        assertThatThrownBy(() -> settings.endpointOverride(ServiceId.ECS))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_ECS is 'localhost:4566', not an http(s) URL");
    }
}
