package io.roomwatch.model;

import java.time.Instant;

/**
 * What one poll saw, or one change a vendor pushed ({@link Pushed}). A fetch that failed yields no observation at all
 * (unknown is never empty); a fetch that got only part of the answer yields an observation marked {@link
 * Completeness#PARTIAL} or {@link Completeness#TRUNCATED}, from which nothing can be removed by absence.
 */
public sealed interface Observation permits RoomSweep, MemberList, RoomGone, Pushed {

    /** When roomwatch received the answer, from its injected scheduler. */
    Instant observedAt();
}
