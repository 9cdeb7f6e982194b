package io.roomwatch.poll;

import io.roomwatch.model.AppState;
import io.roomwatch.model.EventType;
import io.roomwatch.model.PresenceEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts what happened between two sweep summaries, for the one INFO line per sweep. Guarded by the poller. */
final class SweepStats {

    private final Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
    private long memberCalls;
    private long since;

    SweepStats(long now) {
        this.since = now;
    }

    void restart(long now) {
        counts.clear();
        memberCalls = 0;
        since = now;
    }

    void memberCall() {
        memberCalls++;
    }

    void count(List<PresenceEvent> events) {
        events.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
    }

    /** The summary line since the last one, then starts counting anew. */
    String summarize(AppState state, long sweepMillis, long now) {
        double seconds = Math.max(1, now - since) / 1000.0;
        String line = String.format(
                "%s: %d rooms, %d members, +%d rooms, -%d rooms, +%d joins, -%d leaves, sweep %d ms,"
                        + " member calls %.1f/s",
                state.app(),
                state.live().size(),
                members(state),
                counts.getOrDefault(EventType.ROOM_CREATED, 0),
                counts.getOrDefault(EventType.ROOM_DESTROYED, 0),
                counts.getOrDefault(EventType.USER_JOINED, 0),
                counts.getOrDefault(EventType.USER_LEFT, 0),
                sweepMillis,
                memberCalls / seconds);
        restart(now);
        return line;
    }

    static long members(AppState state) {
        return state.live().values().stream().mapToLong(r -> r.members().size()).sum();
    }
}
