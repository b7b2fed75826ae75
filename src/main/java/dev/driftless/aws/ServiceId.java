package dev.driftless.aws;

/**
 * The AWS services driftless calls, with the names the SDK uses for them: the suffix of the
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variable (the service id upper-cased, spaces to '_'), the
 * endpoint prefix and the SigV4 signing name.
 */
public enum ServiceId {
    ECS("ECS", "ecs", "ecs", null),
    ECR("ECR", "api.ecr", "ecr", null),
    STS("STS", "sts", "sts", null),
    APPLICATION_AUTO_SCALING("APPLICATION_AUTO_SCALING", "application-autoscaling", "application-autoscaling", null),
    CLOUDWATCH_LOGS("CLOUDWATCH_LOGS", "logs", "logs", null),
    /** Global: one endpoint in us-east-1 whatever region the application runs in. */
    COST_EXPLORER("COST_EXPLORER", "ce", "ce", "us-east-1");

    private final String envSuffix;
    private final String endpointPrefix;
    private final String signingName;
    private final String globalRegion;

    ServiceId(String envSuffix, String endpointPrefix, String signingName, String globalRegion) {
        this.envSuffix = envSuffix;
        this.endpointPrefix = endpointPrefix;
        this.signingName = signingName;
        this.globalRegion = globalRegion;
    }

    /** {@code AWS_ENDPOINT_URL_ECS}, {@code AWS_ENDPOINT_URL_COST_EXPLORER}, ... */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + envSuffix;
    }

    public String endpointPrefix() {
        return endpointPrefix;
    }

    public String signingName() {
        return signingName;
    }

    /** The region requests are signed for: the service's own for a global service, else the client's. */
    public String signingRegion(String clientRegion) {
        return globalRegion != null ? globalRegion : clientRegion;
    }
}
