package dev.driftless.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds an environment's lease, as written in the cluster tag {@link EnvironmentLease#TAG}: the run
 * (repository, run id, attempt), the command, when it was taken, when it expires, and the token that tells
 * this run's write from another's. ECS tag values allow letters, digits, spaces and {@code + - = . _ : / @},
 * so the fields are {@code key=value} words separated by spaces.
 */
public record LeaseHolder(String repository, String runId, String attempt, String command, Instant since,
        Instant expires, String token) {

    public String tagValue() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("repo", repository);
        f.put("run", runId);
        f.put("attempt", attempt);
        f.put("command", command);
        f.put("since", since.toString());
        f.put("expires", expires.toString());
        f.put("token", token);
        StringBuilder b = new StringBuilder();
        f.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(safe(v)));
        return b.toString();
    }

    /** The holder a tag names; empty for a value that is not a lease (a hand-written tag is not obeyed). */
    public static Optional<LeaseHolder> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String word : value.trim().split(" +")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                f.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new LeaseHolder(f.getOrDefault("repo", "-"), f.getOrDefault("run", "-"),
                    f.getOrDefault("attempt", "-"), f.getOrDefault("command", "-"), Instant.parse(f.get("since")),
                    Instant.parse(f.get("expires")), f.getOrDefault("token", "")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** "deploy by owner/repo run 123 (attempt 1), taken 2m 5s ago" */
    public String describe(Instant now) {
        Duration age = Duration.between(since, now).withNanos(0).abs();
        // whole minutes once it is minutes old: the seconds only add noise to a message people compare by eye
        Duration shown = age.compareTo(Duration.ofMinutes(1)) < 0 ? age : age.minusSeconds(age.toSecondsPart());
        return command + " by " + repository + " run " + runId + " (attempt " + attempt + "), taken "
                + dev.driftless.spec.Durations.format(shown) + " ago";
    }

    private static String safe(String v) {
        // a value outside the tag alphabet would make TagResource fail; spaces would split the field
        return v == null || v.isBlank() ? "-" : v.replaceAll("[^A-Za-z0-9+\\-.=_:/@]", "_");
    }
}
