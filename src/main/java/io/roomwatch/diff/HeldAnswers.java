package io.roomwatch.diff;

import io.roomwatch.model.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link Attribution} keeps between batches: member answers not yet attributable to an incarnation, by room id,
 * in the order they were read. Immutable. It is the engine's memory only, never stored: answers lost with it (a
 * restart) are unknown, never empty, and are simply read again.
 *
 * @param queues held answers ({@link io.roomwatch.model.MemberList} or {@link io.roomwatch.model.RoomGone}) by room
 *     id, oldest first; never an empty list
 * @param clock the latest {@code observedAt} seen; answers held longer than the hold limit before it are dropped
 */
public record HeldAnswers(Map<String, List<Observation>> queues, Instant clock) {

    private static final HeldAnswers NONE = new HeldAnswers(Map.of(), Instant.EPOCH);

    public HeldAnswers {
        queues = Map.copyOf(queues);
    }

    /** Nothing held. */
    public static HeldAnswers none() {
        return NONE;
    }

    /** How many answers are held, over all rooms. */
    public int size() {
        return queues.values().stream().mapToInt(List::size).sum();
    }
}
