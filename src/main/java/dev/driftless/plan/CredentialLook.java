package dev.driftless.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an environment variable looks like a credential, so the plan hides its value although plain
 * environment values are shown (they are in git already). A name like validate's secret-name warning
 * ({@code *PASSWORD*}, {@code *TOKEN*}, ...) or a value shaped like a known credential (an AWS access key
 * id, a GitHub or Slack token, a JWT, a private key, a URL with a password) is enough.
 */
public final class CredentialLook {
    private static final Pattern NAME = Pattern.compile(
            ".*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL|SESSION_KEY).*");
    private static final List<Pattern> VALUES = List.of(
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\."),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"));

    private CredentialLook() {
    }

    public static boolean hidden(String name, String value) {
        if (name != null && NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()) {
            return true;
        }
        return value != null && VALUES.stream().anyMatch(p -> p.matcher(value).find());
    }
}
