package dev.driftless.spec;

/** Values a deploy-spec gets when it leaves a field out (docs/spec-reference.md lists the same). */
final class Defaults {
    static final int DESIRED_COUNT = 1;
    static final int LOG_RETENTION_DAYS = 30;
    /** Image tags are git SHAs; immutability keeps a rollback target from being overwritten. */
    static final boolean IMMUTABLE_TAGS = true;

    private Defaults() {
    }
}
