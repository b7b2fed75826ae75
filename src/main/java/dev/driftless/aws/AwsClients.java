package dev.driftless.aws;

import dev.driftless.auth.RoleOption;
import dev.driftless.auth.RunContext;
import dev.driftless.auth.AwsIdentity;
import dev.driftless.auth.IdentityAware;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.DeploySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.driftless.auth.AccountGuard;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * THE factory for AWS clients: every SDK client driftless uses comes from here, so all of them share one
 * HTTP client, one retry policy, the same timeouts, region, endpoint overrides and credentials. Clients
 * are built on first use and closed with this object ({@code try (AwsClients aws = ...)}).
 *
 * <p>Commands get one with {@link #forEnvironment}; mutating commands must call
 * {@link #requireAccount()} before their first change.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private final String expectedAccount;
    private final SdkHttpClient http;
    private final RetryStrategy retry;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> built = new ArrayList<>();
    private EcsClient ecs;
    private EcrClient ecr;
    private ApplicationAutoScalingClient autoScaling;
    private StsClient sts;
    private StsClient unsignedSts;
    private AwsIdentity callerIdentity;

    private final String specFile;

    private AwsClients(AwsSettings settings, String expectedAccount, String specFile) {
        this.settings = settings;
        this.specFile = specFile;
        this.expectedAccount = expectedAccount;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.timeouts().connect())
                .socketTimeout(settings.timeouts().socket())
                .build();
        this.retry = settings.retry().strategy();
        this.credentials = settings.credentials().provider(this::unsignedSts);
    }

    /** Clients for these settings; {@link #requireAccount()} then has no account to compare with. */
    public static AwsClients create(AwsSettings settings) {
        return new AwsClients(settings, null, null);
    }

    /**
     * Clients that may act only on {@code expectedAccount} (the spec's {@code account}), enforced by
     * {@link #requireAccount()}.
     */
    public static AwsClients create(AwsSettings settings, String expectedAccount) {
        return new AwsClients(settings, expectedAccount, null);
    }

    /**
     * The one line a command needs: clients for one environment of a spec, in the spec's region (else
     * AWS_REGION/AWS_DEFAULT_REGION), with the run's endpoint overrides and credentials. The role is the
     * same for every command: {@code --role-arn}, then the input {@code role-to-assume}, then the
     * environment's role, then the local chain ({@link RunCredentials#choose}). There is deliberately no
     * overload without the options, so no command can forget {@code --role-arn}.
     *
     * @param environment the environment's name, or null for commands that act on no single environment
     */
    public static AwsClients forEnvironment(DeploySpec spec, String environment, RunContext ctx, RoleOption common) {
        String specRole = environment == null ? null
                : spec.environment(environment).map(EnvironmentSpec::role).orElse(null);
        CredentialsSource credentials = RunCredentials.choose(common.roleArn(), specRole, environment, ctx);
        AwsSettings settings = AwsSettings.of(spec.region(), ctx.env()).withCredentials(credentials);
        return authenticated(new AwsClients(settings, spec.account(), spec.file()));
    }

    /**
     * Assumes the role at once when there is one, so OIDC and STS failures surface here with their own
     * message (not wrapped in the first SDK call's exception) and the credentials are masked early.
     */
    public static AwsClients authenticated(AwsClients clients) {
        if (clients.credentials instanceof IdentityAware aware) {
            try {
                aware.identity();
            } catch (RuntimeException e) {
                clients.close();
                throw e;
            }
        }
        return clients;
    }

    public synchronized EcsClient ecs() {
        if (ecs == null) {
            ecs = keep(configure(EcsClient.builder(), ServiceId.ECS, credentials));
        }
        return ecs;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = keep(configure(EcrClient.builder(), ServiceId.ECR, credentials));
        }
        return ecr;
    }

    public synchronized ApplicationAutoScalingClient autoScaling() {
        if (autoScaling == null) {
            autoScaling = keep(configure(ApplicationAutoScalingClient.builder(), ServiceId.APPLICATION_AUTO_SCALING, credentials));
        }
        return autoScaling;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = keep(configure(StsClient.builder(), ServiceId.STS, credentials));
        }
        return sts;
    }

    /** STS without signing, for AssumeRoleWithWebIdentity (the ID token is the proof). */
    synchronized StsClient unsignedSts() {
        if (unsignedSts == null) {
            unsignedSts = keep(configure(StsClient.builder(), ServiceId.STS, AnonymousCredentialsProvider.create()));
        }
        return unsignedSts;
    }

    /**
     * Cost Explorer through our own signed JSON client (the CE SDK artifact would not fit the jar):
     * the shared HTTP client, credentials and retry policy, us-east-1 unless AWS_ENDPOINT_URL[_COST_EXPLORER]
     * says otherwise.
     */
    public CostExplorerJsonClient costExplorer(dev.driftless.engine.Sleeper sleeper) {
        return new CostExplorerJsonClient(http, credentials, endpoint(ServiceId.COST_EXPLORER), settings.retry(), sleeper);
    }

    /** The shared HTTP client, for clients we build ourselves (Cost Explorer JSON). Closed by {@link #close()}. */
    /** GetLogEvents over CloudWatch Logs' JSON protocol (the SDK artifact would add 3.4 MB for one call). */
    public CloudWatchLogsJsonClient logs() {
        return new CloudWatchLogsJsonClient(http, credentials, endpoint(ServiceId.CLOUDWATCH_LOGS));
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    /** The credentials every client signs with (refreshing itself when they come from a role). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public RetryPolicy retryPolicy() {
        return settings.retry();
    }

    public Timeouts timeouts() {
        return settings.timeouts();
    }

    public String region() {
        return settings.region();
    }

    /** Where a service's requests go and how to sign them; Cost Explorer resolves to us-east-1. */
    public ServiceEndpoint endpoint(ServiceId service) {
        return settings.endpoint(service);
    }

    /**
     * Who the credentials act as: from the assumed role when there is one (no extra call), else from
     * GetCallerIdentity (asked once).
     */
    public synchronized AwsIdentity identity() {
        if (credentials instanceof IdentityAware aware) {
            Optional<AwsIdentity> known = aware.identity();
            if (known.isPresent()) {
                return known.get();
            }
        }
        if (callerIdentity == null) {
            try {
                GetCallerIdentityResponse me = sts().getCallerIdentity();
                callerIdentity = new AwsIdentity(me.account(), me.arn(), null, null);
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "sts:GetCallerIdentity", "checking which AWS account the credentials belong to");
            }
        }
        return callerIdentity;
    }

    /**
     * The account guard. EVERY command that changes anything calls this before its first change (and
     * before --dry-run output, so a dry run proves the credentials too): it throws, naming both
     * accounts, unless the credentials act in the spec's {@code account}.
     */
    public AwsIdentity requireAccount() {
        return AccountGuard.require(expectedAccount, identity(), specFile);
    }

    /**
     * The account guard without a call of its own when it can: an ARN a read already returned (a service
     * from DescribeServices names the caller's account, since names resolve in the caller's account)
     * or the assumed role answers it; only when neither is at hand does it ask STS. Call it, like
     * {@link #requireAccount()}, before the first change.
     *
     * @param arnRead an ARN this run read with these credentials, or null
     */
    public AwsIdentity requireAccount(String arnRead) {
        boolean roleKnown = credentials instanceof IdentityAware aware && aware.identity().isPresent();
        String account = AwsIdentity.accountOf(arnRead);
        if (roleKnown || account == null || account.isBlank()) {
            return requireAccount();
        }
        return AccountGuard.require(expectedAccount, new AwsIdentity(account, arnRead, null, null), specFile);
    }

    /** The account the spec allows, or null when these clients were created without one. */
    public String expectedAccount() {
        return expectedAccount;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, ServiceId service, AwsCredentialsProvider provider) {
        builder.httpClient(http)
                .region(settings.sdkRegion())
                .credentialsProvider(provider)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry)
                        .apiCallTimeout(settings.timeouts().apiCall())
                        .apiCallAttemptTimeout(settings.timeouts().attempt())
                        .build());
        settings.endpointOverride(service).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private <C extends SdkAutoCloseable> C keep(C client) {
        built.add(client);
        return client;
    }

    /** Closes every client built, the credentials provider if it holds resources, then the HTTP client. */
    @Override
    public synchronized void close() {
        for (AutoCloseable c : built) {
            closeQuietly(c);
        }
        built.clear();
        if (credentials instanceof AutoCloseable c) {
            closeQuietly(c);
        }
        http.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort at exit; nothing useful to tell the user
        }
    }
}
