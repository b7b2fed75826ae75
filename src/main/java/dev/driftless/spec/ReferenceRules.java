package dev.driftless.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Rules docs/spec-reference.md states that no other rule enforced: override sizes, URLs and the cost tag. */
final class ReferenceRules implements SpecRule {
    /** A tag key Cost Explorer can filter on, without the white space and invisible characters AWS would keep. */
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{N}_.:/=+\\-@]{1,128}");

    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.services().forEach((name, s) -> s.overrides().forEach((env, o) -> {
            String at = "services." + name + ".overrides." + env;
            if (o.cpu() != null && o.cpu() <= 0) {
                problems.error(at + ".cpu", "cpu " + o.cpu() + " in " + env + " must be above 0 (CPU units, 1024 = 1 vCPU)");
            }
            if (o.memory() != null && o.memory() <= 0) {
                problems.error(at + ".memory", "memory " + o.memory() + " in " + env + " must be above 0 (MiB)");
            }
            if (o.desiredCount() != null && o.desiredCount() < 0) {
                problems.error(at + ".desiredCount", "desiredCount " + o.desiredCount() + " in " + env + " must be 0 or more");
            }
        }));
        spec.environments().forEach((name, e) -> {
            if (e.url() != null && !isWebUrl(e.url())) {
                problems.error("environments." + name + ".url", "url '" + e.url()
                        + "' is not an http(s) URL; write it like https://app.example.com");
            }
        });
        if (problems.locations().has("cost.tag") && !TAG_KEY.matcher(spec.cost().tag()).matches()) {
            problems.error("cost.tag", "cost tag '" + spec.cost().tag() + "' is not a tag key Cost Explorer can filter on: "
                    + "use 1 to 128 letters, digits and _ . : / = + - @ (no spaces or invisible characters)");
        }
    }

    static boolean isWebUrl(String value) {
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
