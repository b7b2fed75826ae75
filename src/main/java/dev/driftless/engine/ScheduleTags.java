package dev.driftless.engine;

import dev.driftless.plan.ServiceTags;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service tags stop/start reads and writes. Stop saves what it changes in tags on the service
 * itself, so a start on another runner (or days later) restores exactly that, with no state file.
 */
public final class ScheduleTags {
    /** {@code true}, or {@code until:<ISO instant>} which stops protecting the service once passed. */
    public static final String KEEP_RUNNING = "keep-running";
    /** Everything stop saves; a start removes them all once it has restored the service. */
    public static final List<String> SAVED = List.of(
            ServiceTags.SCHEDULE_SAVED_DESIRED, ServiceTags.SCHEDULE_SAVED_MIN, ServiceTags.SCHEDULE_SAVED_MAX);

    private ScheduleTags() {
    }

    /** Why the service must keep running at {@code now}, or empty when stop may proceed (no tag, or an expired one). */
    public static Optional<String> keepRunning(Map<String, String> tags, Instant now) {
        String value = tags.get(KEEP_RUNNING);
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.toLowerCase(Locale.ROOT).startsWith("until:")) {
            String when = v.substring("until:".length()).trim();
            try {
                Instant until = Instant.parse(when);
                return until.isAfter(now)
                        ? Optional.of("tagged keep-running until " + until)
                        : Optional.empty();
            } catch (DateTimeParseException e) {
                // an unreadable date protects the service: stopping it by mistake costs more than running it
                return Optional.of("tagged keep-running=" + value + " (date not ISO-8601, so treated as true)");
            }
        }
        if (v.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        return Optional.of("tagged keep-running=" + value);
    }

    /** An expired {@code until:} value, for the report: why a tagged service was stopped anyway. */
    public static Optional<String> expiredKeepRunning(Map<String, String> tags, Instant now) {
        String value = tags.get(KEEP_RUNNING);
        if (value == null || keepRunning(tags, now).isPresent() || !value.trim().toLowerCase(Locale.ROOT).startsWith("until:")) {
            return Optional.empty();
        }
        return Optional.of("keep-running=" + value.trim() + " expired");
    }

    public static boolean hasSaved(Map<String, String> tags) {
        return SAVED.stream().anyMatch(tags::containsKey);
    }
}
