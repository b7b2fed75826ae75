package dev.driftless.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What stop or start does to one service, decided before any call is made. Applied in this order:
 * save tags, set the scalable target, set desiredCount, remove tags — so a stop interrupted half-way
 * has always saved what it lowered.
 *
 * @param targetBefore the scalable target as read, if the service has one
 * @param targetAfter the min/max to register, or empty to leave the target alone
 * @param desiredAfter the desiredCount to set, or empty to leave it
 * @param note something the report should say (an expired keep-running, a fallback to the spec)
 */
public record ScalingStep(
        String service,
        String arn,
        int desiredBefore,
        Optional<Bounds> targetBefore,
        Optional<Bounds> targetAfter,
        Optional<Integer> desiredAfter,
        Map<String, String> tagsToWrite,
        List<String> tagsToRemove,
        String note) {

    public ScalingStep {
        tagsToWrite = Map.copyOf(tagsToWrite);
        tagsToRemove = List.copyOf(tagsToRemove);
    }

    public boolean changesNothing() {
        return targetAfter.isEmpty() && desiredAfter.isEmpty() && tagsToWrite.isEmpty() && tagsToRemove.isEmpty();
    }

    /** A scalable target's min and max capacity. */
    public record Bounds(int min, int max) {
        public static final Bounds LOWERED = new Bounds(0, 0);

        public boolean lowered() {
            return min == 0 && max == 0;
        }

        @Override
        public String toString() {
            return min + "-" + max;
        }
    }

    /** The desiredCount once applied. */
    public int desiredAfterOrBefore() {
        return desiredAfter.orElse(desiredBefore);
    }
}
