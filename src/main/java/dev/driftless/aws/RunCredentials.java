package dev.driftless.aws;

import dev.driftless.DriftlessException;
import dev.driftless.auth.ActionsIdTokenClient;
import dev.driftless.auth.IdTokenSource;
import dev.driftless.auth.RoleArn;
import dev.driftless.auth.RunContext;
import dev.driftless.auth.SessionName;
import dev.driftless.auth.WebIdentityCredentials;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides how a run authenticates, and checks every input for it before any call:
 * <ul>
 *   <li>a role given explicitly ({@code --role-arn}, input {@code role-to-assume}) is always assumed through OIDC;</li>
 *   <li>the environment's {@code role} in the spec is assumed through OIDC wherever the runtime offers ID tokens;
 *       without that runtime it gives way to access keys in the environment (an earlier credentials step, a
 *       workstation) or, outside Actions, the local chain, with a note; in Actions with neither, the missing
 *       {@code id-token: write} is reported;</li>
 *   <li>without a role: access keys from the environment, {@code AWS_PROFILE}, or the SDK's default chain.</li>
 * </ul>
 */
public final class RunCredentials {
    public static final String DEFAULT_AUDIENCE = "sts.amazonaws.com";
    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    private RunCredentials() {
    }

    /**
     * @param explicitRole {@code --role-arn} (checked by the command line), or null (then the input {@code role-to-assume} is read)
     * @param specRole     the environment's role in the spec, or null
     * @param environment  the environment's name, for messages; may be null
     */
    public static CredentialsSource choose(RoleArn explicitRole, String specRole, String environment, RunContext ctx) {
        Consumer<String> mask = ctx.actions().commands()::mask;
        for (String name : new String[] {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}) {
            ctx.actions().variable(name).ifPresent(mask);
        }
        Optional<RoleArn> role = role(explicitRole, specRole, environment, ctx);
        if (role.isEmpty()) {
            return CredentialsSource.of(EnvironmentCredentials.from(ctx.env()));
        }
        String audience = ctx.actions().input("audience").orElse(DEFAULT_AUDIENCE);
        Duration duration = duration(ctx);
        String session = SessionName.of(ctx.actions().context().repository(), ctx.actions().context().runId());
        IdTokenSource tokens = ActionsIdTokenClient.from(ctx.env(), ctx.sleeper(), mask);
        RoleArn arn = role.get();
        return sts -> new WebIdentityCredentials(arn, audience, session, duration, tokens, new StsWebIdentity(sts),
                ctx.clock(), mask);
    }

    static Optional<RoleArn> role(RoleArn explicitRole, String specRole, String environment, RunContext ctx) {
        if (explicitRole != null) {
            return Optional.of(explicitRole);
        }
        Optional<String> input = ctx.actions().input("role-to-assume");
        if (input.isPresent()) {
            return Optional.of(RoleArn.parse(input.get(), "the input role-to-assume"));
        }
        if (specRole == null || specRole.isBlank()) {
            return Optional.empty();
        }
        RoleArn arn = RoleArn.parse(specRole, "the role of environment " + (environment == null ? "?" : environment));
        Map<String, String> env = ctx.env();
        if (ActionsIdTokenClient.available(env)) {
            return Optional.of(arn);
        }
        boolean keys = ctx.actions().variable("AWS_ACCESS_KEY_ID").isPresent()
                && ctx.actions().variable("AWS_SECRET_ACCESS_KEY").isPresent();
        if (ctx.actions().inActions() && !keys) {
            // in Actions with nothing else to use: the role is meant, so say what the job lacks
            return Optional.of(arn);
        }
        ctx.err().println("note: no GitHub OIDC token runtime here, so not assuming " + arn + "; using "
                + EnvironmentCredentials.describe(env) + " (the account guard still applies)");
        return Optional.empty();
    }

    static Duration duration(RunContext ctx) {
        Optional<String> raw = ctx.actions().input("role-duration-seconds");
        if (raw.isEmpty()) {
            return DEFAULT_DURATION;
        }
        try {
            long seconds = Long.parseLong(raw.get());
            if (seconds >= 900 && seconds <= 43_200) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DriftlessException("the input role-duration-seconds is '" + raw.get() + "', not a number of seconds from 900 to 43200",
                "use e.g. 3600 (one hour, the default); driftless refreshes credentials itself, so a long session is rarely needed");
    }
}
