package io.roomwatch.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What roomwatch remembers of a room id's ended incarnations, so that a sweep listing one of them again (Volcengine
 * lists finished calls for 14 days) never creates it a second time, and so that a member answer is not attributed
 * across an incarnation change.
 *
 * @param createdAt creation time of the latest ended incarnation whose creation time was known: an incarnation
 *     created no later than this is history, even one roomwatch never saw
 * @param ended ended incarnations by id, with when each ended: the vendor's end time if it gave one, otherwise when
 *     roomwatch saw it end (so never earlier than the true end). Kept until pruned, independently of creation times,
 *     so that an incarnation whose times are unknown or unreadable is still recognised
 */
public record Retired(@Nullable Instant createdAt, Map<String, Instant> ended) {

    public Retired {
        ended = Map.copyOf(ended);
        if (createdAt == null && ended.isEmpty()) {
            throw new IllegalArgumentException("a retirement mark must hold a creation time or an incarnation");
        }
    }

    /** A mark holding only a creation time (state written before incarnations were remembered). */
    public static Retired createdAt(Instant createdAt) {
        return new Retired(createdAt, Map.of());
    }

    /**
     * {@code mark} (null: none yet) with {@code room} ended at {@code endedAt} (null: unknown, then only its creation
     * time is remembered). Null when there is nothing to remember.
     */
    public static @Nullable Retired with(@Nullable Retired mark, RoomState room, @Nullable Instant endedAt) {
        Map<String, Instant> ended = new HashMap<>(mark == null ? Map.of() : mark.ended);
        if (endedAt != null) {
            ended.merge(room.ref().incarnation(), endedAt, Instants::later);
        }
        Instant created = mark == null ? room.createdAt() : mark.createdAt;
        if (room.createdAt() != null) {
            created = created == null ? room.createdAt() : Instants.later(created, room.createdAt());
        }
        return created == null && ended.isEmpty() ? null : new Retired(created, ended);
    }

    /** Whether {@code sighting} is an ended incarnation: one remembered by id, or one not newer than the latest. */
    public boolean isHistory(RoomSighting sighting) {
        return ended.containsKey(sighting.incarnation())
                || (createdAt != null
                        && sighting.createdAt() != null
                        && !sighting.createdAt().isAfter(createdAt));
    }

    /** The latest end among the remembered incarnations, if any: no predecessor was live after it. */
    public @Nullable Instant lastEnd() {
        return ended.values().stream().max(Instant::compareTo).orElse(null);
    }

    /**
     * This mark without what ended (or, for the creation time, was created) before {@code cutoff}: no vendor lists
     * incarnations that old any more. Null when nothing is left.
     */
    public @Nullable Retired prunedBefore(Instant cutoff) {
        Map<String, Instant> kept = new HashMap<>(ended);
        kept.values().removeIf(end -> end.isBefore(cutoff));
        Instant created = createdAt != null && createdAt.isBefore(cutoff) ? null : createdAt;
        if (created == null && kept.isEmpty()) {
            return null;
        }
        return kept.size() == ended.size() && Objects.equals(created, createdAt) ? this : new Retired(created, kept);
    }
}
