package io.roomwatch.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of diffing one observation: the events to publish, in order, and the room states to store with them.
 * Events and state belong together: a store must advance only with the events of its diff.
 *
 * @param events the events, in publication order
 * @param upserted live room incarnations that are new or changed
 * @param ended room incarnations that ended (their last state); to be removed from the store
 * @param listedUntil the sweep's {@link RoomSweep#listedUntil()}, to be remembered with the state; {@code null} if
 *     none
 */
public record Transition(
        List<PresenceEvent> events, List<RoomState> upserted, List<RoomState> ended, @Nullable Instant listedUntil) {

    private static final Transition NONE = new Transition(List.of(), List.of(), List.of(), null);

    public Transition {
        events = List.copyOf(events);
        upserted = List.copyOf(upserted);
        ended = List.copyOf(ended);
    }

    /** No change at all. */
    public static Transition none() {
        return NONE;
    }

    /** A transition that does not move the sweep watermark. */
    public Transition(List<PresenceEvent> events, List<RoomState> upserted, List<RoomState> ended) {
        this(events, upserted, ended, null);
    }

    /**
     * When roomwatch saw the ended incarnation {@code room} end (its {@link RoomDestroyed} event's {@code
     * observedAt}): never earlier than the true end, so a bound that is safe both for pruning (kept at least as long
     * as the vendor can list it) and for attribution (no predecessor was live after it). Not the vendor's end time,
     * which an odd vendor clock or format could place far in the past.
     */
    public @Nullable Instant endOf(RoomRef room) {
        for (PresenceEvent event : events) {
            if (event instanceof RoomDestroyed destroyed && destroyed.room().equals(room)) {
                return destroyed.observedAt();
            }
        }
        return null; // a transition built without events (tests, tools): the end is not known
    }

    /** Whether nothing changed: no event and no state to store. */
    public boolean isEmpty() {
        return events.isEmpty() && upserted.isEmpty() && ended.isEmpty() && listedUntil == null;
    }
}
