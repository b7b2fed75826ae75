package dev.driftless.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ARN split into its parts: {@code arn:partition:service:region:account:resource}. */
record Arn(String partition, String service, String region, String account, String resource) {
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}|):(.+)");

    static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
    }
}
