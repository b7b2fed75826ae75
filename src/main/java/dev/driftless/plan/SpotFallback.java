package dev.driftless.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fargate Spot that really falls back. A FARGATE provider at weight 0 never receives a task, so when Spot has no
 * capacity the tasks just stay pending; driftless instead moves such a service to on-demand for a while (tagged
 * {@link ServiceTags#CAPACITY_FALLBACK} with the instant) and returns it to the spec's Spot strategy once the
 * environment's {@code capacity.fallbackFor} has passed. Pure: the rules, not the calls.
 */
public final class SpotFallback {
    /** What a service runs on while it falls back. */
    public static final List<ServiceSettings.CapacityItem> ON_DEMAND = List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0));

    private SpotFallback() {
    }

    /**
     * ECS's service event when no capacity could be found for a task, e.g. "(service web) was unable to place a task.
     * Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone."
     */
    public static boolean capacityUnavailable(String eventMessage) {
        String m = eventMessage == null ? "" : eventMessage.toLowerCase(Locale.ROOT);
        return m.contains("capacity is unavailable");
    }

    /** Whether a strategy places any task on Fargate Spot. */
    public static boolean usesSpot(List<ServiceSettings.CapacityItem> strategy) {
        return strategy != null && strategy.stream()
                .anyMatch(i -> "FARGATE_SPOT".equals(i.provider()) && (i.weight() > 0 || i.base() > 0));
    }

    /** When the service was moved to on-demand, from its tag; empty when it was not (or the tag is unreadable). */
    public static Optional<Instant> since(LiveService live) {
        Optional<String> tag = live == null ? Optional.empty() : live.tag(ServiceTags.CAPACITY_FALLBACK);
        try {
            return tag.map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The fallback is over: the service was moved at least {@code fallbackFor} before {@code now}. */
    public static boolean over(LiveService live, Instant now, Duration fallbackFor) {
        return since(live).map(t -> !now.isBefore(t.plus(fallbackFor))).orElse(false);
    }

    /** The note plan and deploy print for a service on its fallback. */
    public static String note(Instant since, Duration fallbackFor, boolean over) {
        return over
                ? "on on-demand since " + since + " (Fargate Spot had no capacity); the fallback of " + dev.driftless.spec.Durations.format(fallbackFor)
                        + " is over, so this returns it to Spot"
                : "on on-demand since " + since + " because Fargate Spot had no capacity — a known, temporary difference, "
                        + "not drift; a schedule, start or deploy after " + since.plus(fallbackFor) + " returns it to Spot";
    }
}
