package dev.driftless.auth;

import java.util.Optional;

/**
 * What to check in a role's trust policy when STS refuses a GitHub ID token: the token's claims beside
 * the conditions that must match them.
 */
public final class TrustPolicyHint {
    private TrustPolicyHint() {
    }

    public static String forRefusal(RoleArn role, String webIdentityToken) {
        Optional<IdTokenClaims> claims = IdTokenClaims.decode(webIdentityToken);
        String account = role.account();
        StringBuilder b = new StringBuilder();
        b.append("check the trust policy of ").append(role.value()).append(": its principal must be Federated ")
                .append("arn:aws:iam::").append(account).append(":oidc-provider/token.actions.githubusercontent.com")
                .append(" (an IAM identity provider for https://token.actions.githubusercontent.com in account ").append(account)
                .append("), with conditions that match this token");
        if (claims.isEmpty()) {
            return b.append(" (its claims could not be read)").toString();
        }
        IdTokenClaims c = claims.get();
        b.append(" — token.actions.githubusercontent.com:aud must equal \"").append(nullToUnknown(c.aud()))
                .append("\" (StringEquals), token.actions.githubusercontent.com:sub must match \"").append(nullToUnknown(c.sub()))
                .append("\" (StringEquals, or StringLike such as \"repo:").append(c.repository() == null ? "<owner>/<repo>" : c.repository())
                .append(":*\"). The token's claims: ").append(c.describe());
        if (c.environment() != null) {
            b.append(". The job runs in environment ").append(c.environment())
                    .append(", so GitHub puts environment:<name> in sub, not ref:<ref>");
        }
        return b.toString();
    }

    private static String nullToUnknown(String s) {
        return s == null ? "(none in the token)" : s;
    }
}
