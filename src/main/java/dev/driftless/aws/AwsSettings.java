package dev.driftless.aws;

import dev.driftless.DriftlessException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Everything an {@link AwsClients} is built from. Explicit on purpose: the environment is the run's map
 * (from the CommandContext), never {@code System.getenv}, so tests and the CLI decide what the SDK sees.
 *
 * @param region      resolved already (see {@link #resolveRegion})
 * @param env         the run's environment, for endpoint overrides
 * @param credentials how to authenticate
 */
public record AwsSettings(String region, Map<String, String> env, CredentialsSource credentials, RetryPolicy retry,
        Timeouts timeouts) {

    public AwsSettings {
        env = Map.copyOf(env);
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        if (region == null || region.isBlank()) {
            throw noRegion();
        }
    }

    /** Settings for a run: region resolved from spec and environment, credentials from the environment. */
    public static AwsSettings of(String specRegion, Map<String, String> env) {
        return new AwsSettings(resolveRegion(specRegion, env), env,
                CredentialsSource.of(EnvironmentCredentials.from(env)), RetryPolicy.DEFAULT, Timeouts.DEFAULT);
    }

    public AwsSettings withCredentials(CredentialsSource source) {
        return new AwsSettings(region, env, source, retry, timeouts);
    }

    public AwsSettings withRetry(RetryPolicy policy) {
        return new AwsSettings(region, env, credentials, policy, timeouts);
    }

    /** The spec's region, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}. */
    public static String resolveRegion(String specRegion, Map<String, String> env) {
        for (String candidate : new String[] {specRegion, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")}) {
            if (candidate != null && !candidate.isBlank()) {
                String r = candidate.trim();
                if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                    throw new DriftlessException("'" + r + "' is not an AWS region",
                            "write a region code such as us-west-2 in the spec's region (or AWS_REGION)");
                }
                return r;
            }
        }
        throw noRegion();
    }

    Region sdkRegion() {
        return Region.of(region);
    }

    /**
     * The endpoint override for a service as the SDK defines it: {@code AWS_ENDPOINT_URL_<SERVICE>}, then
     * {@code AWS_ENDPOINT_URL}; none when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}.
     */
    public Optional<URI> endpointOverride(ServiceId service) {
        if ("true".equalsIgnoreCase(env.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "").trim())) {
            return Optional.empty();
        }
        for (String name : new String[] {service.endpointVariable(), "AWS_ENDPOINT_URL"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(parseEndpoint(name, value.trim()));
            }
        }
        return Optional.empty();
    }

    /** Where a service's requests go and how they are signed (override, else the public endpoint). */
    public ServiceEndpoint endpoint(ServiceId service) {
        String signingRegion = service.signingRegion(region);
        Optional<URI> override = endpointOverride(service);
        if (override.isPresent()) {
            return new ServiceEndpoint(override.get(), signingRegion, service.signingName(), true);
        }
        String suffix = signingRegion.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        URI uri = URI.create("https://" + service.endpointPrefix() + "." + signingRegion + "." + suffix);
        return new ServiceEndpoint(uri, signingRegion, service.signingName(), false);
    }

    private static URI parseEndpoint(String variable, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new DriftlessException(variable + " is '" + value + "', not an http(s) URL",
                "set " + variable + " to a URL such as https://ecs.us-west-2.amazonaws.com, or unset it");
    }

    private static DriftlessException noRegion() {
        return new DriftlessException("no AWS region: the spec names none and neither AWS_REGION nor AWS_DEFAULT_REGION is set",
                "add 'region: us-west-2' (your region) to the deploy-spec, or set AWS_REGION in the workflow's env");
    }
}
