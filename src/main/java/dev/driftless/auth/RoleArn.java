package dev.driftless.auth;

import dev.driftless.DriftlessException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IAM role ARN, checked before any call so a typo is reported as a typo, not as an STS refusal. */
public record RoleArn(String value, String account, String name) {
    /** The shape every message about a bad role ARN shows. */
    public static final String SHAPE = "arn:aws:iam::<12-digit account>:role/<role name>";
    private static final Pattern ARN =
            Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})");

    /**
     * @param origin where the value came from, for the message (e.g. "--role-arn", "role-to-assume", "environment dev's role")
     */
    public static RoleArn parse(String value, String origin) {
        String v = value == null ? "" : value.trim();
        return match(v).orElseThrow(() -> new DriftlessException(origin + " is '" + v + "', not an IAM role ARN", HINT));
    }

    /** The value as a role ARN, or empty when it is not one (the caller reports it in its own way). */
    public static Optional<RoleArn> match(String value) {
        String v = value == null ? "" : value.trim();
        Matcher m = ARN.matcher(v);
        return m.matches() ? Optional.of(new RoleArn(v, m.group(2), m.group(4))) : Optional.empty();
    }

    /** How to write one: the fix shown beside every bad-ARN message. */
    public static final String HINT = "write it as " + SHAPE + ", e.g. arn:aws:iam::123456789012:role/deploy"
            + " (an account id or role name alone is not enough)";

    @Override
    public String toString() {
        return value;
    }
}
