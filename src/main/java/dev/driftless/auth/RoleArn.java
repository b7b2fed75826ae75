package dev.driftless.auth;

import dev.driftless.DriftlessException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IAM role ARN, checked before any call so a typo is reported as a typo, not as an STS refusal. */
public record RoleArn(String value, String account, String name) {
    private static final Pattern ARN =
            Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})");

    /**
     * @param origin where the value came from, for the message (e.g. "--role-arn", "role-to-assume", "environment dev's role")
     */
    public static RoleArn parse(String value, String origin) {
        String v = value == null ? "" : value.trim();
        Matcher m = ARN.matcher(v);
        if (!m.matches()) {
            throw new DriftlessException(origin + " is '" + v + "', not an IAM role ARN",
                    "write it as arn:aws:iam::<12-digit account>:role/<role name>, e.g. arn:aws:iam::123456789012:role/deploy"
                            + " (an account id or role name alone is not enough)");
        }
        return new RoleArn(v, m.group(2), m.group(4));
    }

    @Override
    public String toString() {
        return value;
    }
}
