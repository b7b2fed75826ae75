package dev.driftless.aws;

import dev.driftless.DriftlessException;
import dev.driftless.auth.AssumedRole;
import dev.driftless.auth.IdTokenClaims;
import dev.driftless.auth.RoleArn;
import dev.driftless.auth.RoleAssumer;
import dev.driftless.auth.TrustPolicyHint;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** AssumeRoleWithWebIdentity through an unsigned STS client; STS refusals become messages that name the fix. */
public final class StsWebIdentity implements RoleAssumer {
    private final Supplier<StsClient> sts;

    public StsWebIdentity(Supplier<StsClient> unsignedSts) {
        this.sts = unsignedSts;
    }

    @Override
    public AssumedRole assume(RoleArn role, String webIdentityToken, String sessionName, Duration duration) {
        AssumeRoleWithWebIdentityResponse r;
        try {
            r = sts.get().assumeRoleWithWebIdentity(b -> b.roleArn(role.value())
                    .webIdentityToken(webIdentityToken)
                    .roleSessionName(sessionName)
                    .durationSeconds((int) duration.toSeconds()));
        } catch (AwsServiceException e) {
            throw refused(e, role, webIdentityToken, duration);
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "sts:AssumeRoleWithWebIdentity", "assuming " + role);
        }
        Credentials c = r.credentials();
        if (c == null || r.assumedRoleUser() == null) {
            throw new DriftlessException("STS answered AssumeRoleWithWebIdentity for " + role + " without credentials",
                    "rerun the job; if AWS_ENDPOINT_URL(_STS) is set, check that it points at STS");
        }
        return new AssumedRole(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration(),
                r.assumedRoleUser().arn());
    }

    static DriftlessException refused(AwsServiceException e, RoleArn role, String token, Duration duration) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String claims = IdTokenClaims.decode(token).map(IdTokenClaims::describe).orElse("unreadable");
        if ("AccessDenied".equals(code) || (code == null && e.statusCode() == 403)) {
            return new DriftlessException("AWS refused to let this workflow assume " + role + ": " + message
                    + " (token claims: " + claims + ")", TrustPolicyHint.forRefusal(role, token), e);
        }
        if ("InvalidIdentityToken".equals(code)) {
            return new DriftlessException("STS rejected the GitHub ID token for " + role + ": " + message
                    + " (token claims: " + claims + ")",
                    "add an IAM identity provider for https://token.actions.githubusercontent.com with audience "
                            + IdTokenClaims.decode(token).map(IdTokenClaims::aud).orElse("sts.amazonaws.com")
                            + " in account " + role.account() + ", or set the action input `audience` to the audience"
                            + " that provider lists", e);
        }
        if ("ExpiredTokenException".equals(code) || "ExpiredToken".equals(code)) {
            return new DriftlessException("STS says the GitHub ID token expired before it could assume " + role + ": " + message,
                    "rerun the job; driftless asks for a fresh token for every assumption, so check the runner's clock"
                            + " (a skew of minutes makes new tokens look expired)", e);
        }
        if ("IDPCommunicationError".equals(code)) {
            return new DriftlessException("STS could not reach GitHub's OIDC issuer to check the token for " + role,
                    "rerun the job in a few minutes (transient on GitHub's or AWS's side)", e);
        }
        if ("ValidationError".equals(code) && message != null && message.contains("DurationSeconds")) {
            return new DriftlessException("STS refused a " + duration.toSeconds() + "-second session for " + role + ": " + message,
                    "lower the input role-duration-seconds to at most the role's maximum session duration (IAM → role →"
                            + " Maximum session duration), or raise that maximum", e);
        }
        if ("RegionDisabledException".equals(code)) {
            return new DriftlessException("STS is not activated in region of this run: " + message,
                    "activate STS for the region in IAM → Account settings, or set the spec's region to an active one", e);
        }
        return AwsFailures.translate(e, "sts:AssumeRoleWithWebIdentity", "assuming " + role);
    }
}
