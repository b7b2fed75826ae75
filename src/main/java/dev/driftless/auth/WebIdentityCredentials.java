package dev.driftless.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Credentials of a role assumed through GitHub OIDC that renew themselves: shortly before they expire
 * (by the injected clock), the next caller gets a new ID token and a new AssumeRoleWithWebIdentity, so
 * a deploy that waits 90 minutes on a one-hour session keeps working. ID tokens are short-lived too,
 * which is why a refresh asks for a new one rather than reusing the first.
 *
 * <p>Every key, secret and session token is masked before this provider returns it.
 */
public final class WebIdentityCredentials implements AwsCredentialsProvider, IdentityAware {
    /** Refresh this long before expiry, or a quarter of the session for short sessions. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

    private final RoleArn role;
    private final String audience;
    private final String sessionName;
    private final Duration duration;
    private final IdTokenSource tokens;
    private final RoleAssumer sts;
    private final Clock clock;
    private final Consumer<String> mask;
    private AssumedRole current;
    private int assumptions;

    public WebIdentityCredentials(RoleArn role, String audience, String sessionName, Duration duration,
            IdTokenSource tokens, RoleAssumer sts, Clock clock, Consumer<String> mask) {
        this.role = role;
        this.audience = audience;
        this.sessionName = sessionName;
        this.duration = duration;
        this.tokens = tokens;
        this.sts = sts;
        this.clock = clock;
        this.mask = mask;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        AssumedRole r = fresh();
        return AwsSessionCredentials.builder()
                .accessKeyId(r.accessKeyId())
                .secretAccessKey(r.secretAccessKey())
                .sessionToken(r.sessionToken())
                .expirationTime(r.expiration())
                .accountId(AwsIdentity.accountOf(r.assumedRoleArn()))
                .build();
    }

    /** The assumed role's identity; assumes the role first if that has not happened yet. */
    @Override
    public synchronized Optional<AwsIdentity> identity() {
        AssumedRole r = fresh();
        return Optional.of(new AwsIdentity(AwsIdentity.accountOf(r.assumedRoleArn()), r.assumedRoleArn(), role.value(),
                r.expiration()));
    }

    /** How many times the role was assumed so far (1 + refreshes). */
    public synchronized int assumptions() {
        return assumptions;
    }

    public RoleArn role() {
        return role;
    }

    private AssumedRole fresh() {
        if (current == null || !clock.instant().isBefore(refreshAt(current))) {
            String token = tokens.idToken(audience);
            AssumedRole next = sts.assume(role, token, sessionName, duration);
            mask.accept(next.accessKeyId());
            mask.accept(next.secretAccessKey());
            mask.accept(next.sessionToken());
            current = next;
            assumptions++;
        }
        return current;
    }

    private Instant refreshAt(AssumedRole r) {
        Duration margin = duration.dividedBy(4).compareTo(REFRESH_BEFORE) < 0 ? duration.dividedBy(4) : REFRESH_BEFORE;
        return r.expiration().minus(margin);
    }
}
