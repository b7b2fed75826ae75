package dev.driftless.tracker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the tracker shows a task definition or an image: the short name a reader scans ({@code family:7},
 * {@code repo:tag}, {@code repo@sha256:1a2b3c4d5e6f}), the full value in the cell's title so nothing is lost,
 * and the full value read back from such a cell (or from a plain cell written by an older driftless).
 */
final class ShortName {
    private static final Pattern TITLED = Pattern.compile("<span title=\"([^\"]*)\">.*</span>");
    private static final int DIGEST_SHOWN = 12;

    private ShortName() {
    }

    /** {@code family:revision} of a task-definition ARN; other values as they are. */
    static String taskDefinition(String value) {
        int slash = value.lastIndexOf(":task-definition/");
        return slash < 0 ? value : value.substring(slash + ":task-definition/".length());
    }

    /** {@code repository:tag} or {@code repository@sha256:<12 hex>} of an image reference, without its registry. */
    static String image(String value) {
        String name = value;
        int at = name.indexOf('@');
        String digest = at < 0 ? null : name.substring(at + 1);
        String repoAndTag = at < 0 ? name : name.substring(0, at);
        int firstSlash = repoAndTag.indexOf('/');
        if (firstSlash > 0) {
            String host = repoAndTag.substring(0, firstSlash);
            if (host.contains(".") || host.contains(":") || host.equals("localhost")) {
                repoAndTag = repoAndTag.substring(firstSlash + 1);
            }
        }
        if (digest == null) {
            return repoAndTag;
        }
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        String shown = hex.length() > DIGEST_SHOWN ? hex.substring(0, DIGEST_SHOWN) : hex;
        return repoAndTag + "@" + (colon < 0 ? "" : digest.substring(0, colon + 1)) + shown;
    }

    /** A table cell showing {@code shortName}; the full value in its title when they differ. */
    static String cell(String full, String shortName) {
        if (full.equals(shortName)) {
            return escape(full);
        }
        return "<span title=\"" + escape(full) + "\">" + escape(shortName) + "</span>";
    }

    /** The full value of a cell written by {@link #cell}, or the cell's text as written. */
    static String full(String cellText) {
        Matcher m = TITLED.matcher(cellText);
        return m.matches() ? unescape(m.group(1)) : unescape(cellText);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
    }

    private static String unescape(String s) {
        return s.replace("\\|", "|").replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
