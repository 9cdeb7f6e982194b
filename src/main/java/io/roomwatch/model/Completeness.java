package io.roomwatch.model;

/**
 * How much of the truth an observation shows. It decides what the differ may conclude from an <em>absence</em>.
 * Failed fetches produce no observation at all: they are unknown, never empty.
 */
public enum Completeness {
    /** Everything the observation is about was listed: an absence means the thing is gone. */
    COMPLETE,
    /** A page failed or a sweep was cut short: what is listed is true, what is absent is unknown. */
    PARTIAL,
    /** The vendor capped the list (Tencent live: 1000 members; Volcengine: 10 000 invisible users). Like partial. */
    TRUNCATED;

    /** Whether an absence in this observation proves a removal. */
    public boolean provesAbsence() {
        return this == COMPLETE;
    }
}
