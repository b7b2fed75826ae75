package dev.driftless.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.aws.RunCredentials;
import dev.driftless.aws.AwsClients;
import dev.driftless.auth.AwsIdentity;
import dev.driftless.aws.AwsSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftless auth}: authenticates as every other command would (OIDC role or local credentials),
 * prints who that is, and sets the outputs {@code aws-account-id} and {@code aws-role-arn}. A cheap first
 * step that proves the trust policy before a long job.
 */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "Authenticate to AWS (GitHub OIDC role or local credentials) and print the account, ARN and expiry.")
public final class AuthCommand implements Callable<Integer> {
    private final CommandContext ctx;

    @Mixin
    CommonOptions common;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION, then AWS_DEFAULT_REGION).")
    String region;

    @Option(names = "--account", paramLabel = "ID",
            description = "Fail unless the credentials are for this account (input aws-account-id).")
    String account;

    @Spec
    CommandSpec commandSpec;

    public AuthCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (AwsClients aws = clients()) {
            AwsIdentity me = aws.requireAccount();
            String roleArn = me.roleArn() != null ? me.roleArn() : me.arn();
            ctx.actions().outputs().set("aws-account-id", me.account());
            ctx.actions().outputs().set("aws-role-arn", roleArn);
            if (common.json()) {
                ObjectNode json = new ObjectMapper().createObjectNode()
                        .put("account", me.account()).put("arn", me.arn()).put("roleArn", me.roleArn())
                        .put("region", aws.region())
                        .put("expires", me.expires() == null ? null : me.expires().toString());
                ctx.out().println(json.toString());
            } else {
                ctx.out().println("account: " + me.account());
                ctx.out().println("arn:     " + me.arn());
                ctx.out().println("region:  " + aws.region());
                ctx.out().println("expires: " + expiry(me));
            }
            ctx.actions().summary().append("**AWS:** account `" + me.account() + "` as `" + me.arn() + "` in "
                    + aws.region() + (me.expires() == null ? "" : ", credentials refresh before " + me.expires()));
            return ExitCode.OK;
        }
    }

    /**
     * With an environment (--env / input environment): the spec's region, role and account, exactly as
     * the other commands will authenticate. Without one: --role-arn / role-to-assume, AWS_REGION and --account.
     */
    private AwsClients clients() {
        if (common.environment(ctx.actions()).isPresent()) {
            DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
            EnvironmentSpec env = Specs.environment(spec, common, ctx);
            if (region != null || account != null) {
                throw new ParameterException(spec(), "--region and --account come from the spec when --env is given");
            }
            return AwsClients.forEnvironment(spec, env.name(), ctx, common);
        }
        String expected = account != null ? account : ctx.actions().input("aws-account-id").orElse(null);
        AwsSettings settings = AwsSettings.of(region != null ? region : specRegion(), ctx.env())
                .withCredentials(RunCredentials.choose(common.roleArn(), null, null, ctx));
        return AwsClients.authenticated(AwsClients.create(settings, expected));
    }

    /**
     * Without --env, --region and AWS_REGION/AWS_DEFAULT_REGION: the region of the one deploy-spec under --specs,
     * as every other command would use; null when there is none to read (then the SDK's own chain decides).
     */
    private String specRegion() {
        if (ctx.actions().variable("AWS_REGION").isPresent() || ctx.actions().variable("AWS_DEFAULT_REGION").isPresent()
                || !java.nio.file.Files.exists(common.specs(ctx.actions()))) {
            return null;
        }
        List<DeploySpec> specs = Specs.load(common, ctx);
        return specs.size() == 1 ? specs.get(0).region() : null;
    }

    private picocli.CommandLine spec() {
        return commandSpec.commandLine();
    }

    private String expiry(AwsIdentity me) {
        if (me.expires() == null) {
            return "not reported (credentials from " + (me.roleArn() == null ? "the local chain" : "the role") + ")";
        }
        Duration left = Duration.between(ctx.clock().instant(), me.expires());
        return me.expires() + " (in " + Math.max(0, left.toMinutes()) + " min; renewed automatically before then)";
    }
}
