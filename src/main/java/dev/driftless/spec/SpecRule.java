package dev.driftless.spec;

/**
 * One topic of semantic checks on a bound spec. Rules run even when binding found problems, so they
 * must tolerate null parts; they report through {@link Problems} by YAML path.
 */
interface SpecRule {
    void check(DeploySpec spec, Problems problems);
}
