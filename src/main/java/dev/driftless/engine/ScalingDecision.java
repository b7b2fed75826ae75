package dev.driftless.engine;

/** What stop or start decided for one service. */
public sealed interface ScalingDecision {
    String service();

    /** Calls to make. */
    record Change(ScalingStep step) implements ScalingDecision {
        @Override
        public String service() {
            return step.service();
        }
    }

    /** Deliberately not touched (keep-running, a deployment in progress, not found). */
    record Skip(String service, String reason) implements ScalingDecision {
    }

    /** Already where it should be. */
    record Keep(String service, String reason) implements ScalingDecision {
    }
}
