package io.roomwatch.poll;

import io.roomwatch.model.EventType;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.poll.TrueHistory.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "No invented removal": every {@code RoomDestroyed} and {@code UserLeft} of a stream must have a true change behind
 * it in the emulator's change log.
 *
 * <ul>
 *   <li>{@code RoomDestroyed} observed at {@code t}: a true life of that room incarnation ended at or before {@code t}.
 *   <li>{@code UserLeft} observed at {@code t} after the {@code UserJoined} observed at {@code j}: the user truly left
 *       that incarnation within {@code (j - slack, t]} (a leave of the room-destroyed kind may instead rest on the
 *       room's true end). The join was observed up to {@code slack} after the vendor answered, so a true leave
 *       after that answer lies after {@code j - slack}.
 * </ul>
 *
 * <p>"No invented join": a {@code UserJoined} observed at {@code t} names a user who truly was in that very
 * incarnation at some moment within {@code [t - slack, t]} (the answer was read then; live member data).
 */
final class StreamCheck {

    private final String app;
    private final TrueHistory truth;
    private final long slack;

    StreamCheck(String app, TrueHistory truth, long slack) {
        this.app = app;
        this.truth = truth;
        this.slack = slack;
    }

    /** One line per removal with no true change behind it; empty when the stream invents nothing. */
    List<String> inventedRemovals(List<PresenceEvent> events) {
        List<String> invented = new ArrayList<>();
        Map<String, Long> joinedAt = new HashMap<>();
        for (PresenceEvent e : events) {
            String room = e.key().roomId() + "#" + e.room().incarnation();
            String member = room + "/" + e.userId();
            long at = e.observedAt().toEpochMilli();
            if (e.type() == EventType.USER_JOINED) {
                joinedAt.put(member, at);
            } else if (e.type() == EventType.ROOM_DESTROYED && !roomEnded(room, at)) {
                invented.add(describe(e, room, truth.rooms()));
            } else if (e.type() == EventType.USER_LEFT && !userLeft(e, room, member, joinedAt.get(member), at)) {
                invented.add(describe(e, member, truth.members()));
            }
        }
        return invented;
    }

    /** One line per join of a user who was not in that incarnation when the answer was read. */
    List<String> inventedJoins(List<PresenceEvent> events) {
        List<String> invented = new ArrayList<>();
        for (PresenceEvent e : events) {
            if (e.type() != EventType.USER_JOINED) {
                continue;
            }
            String member = e.key().roomId() + "#" + e.room().incarnation() + "/" + e.userId();
            long at = e.observedAt().toEpochMilli();
            boolean wasIn = truth.members().getOrDefault(member, List.of()).stream()
                    .anyMatch(life -> life.from() <= at && (life.isOpen() || life.to() >= at - slack));
            if (!wasIn) {
                invented.add(describe(e, member, truth.members()));
            }
        }
        return invented;
    }

    private boolean roomEnded(String room, long at) {
        return TrueHistory.endedWithin(truth.rooms().getOrDefault(room, List.of()), Long.MIN_VALUE, at);
    }

    private boolean userLeft(PresenceEvent e, String room, String member, Long joined, long at) {
        long from = joined == null ? Long.MIN_VALUE : joined - slack;
        boolean left = TrueHistory.endedWithin(truth.members().getOrDefault(member, List.of()), from, at);
        return left || (e.reason() == LeaveReason.ROOM_DESTROYED && roomEnded(room, at));
    }

    private String describe(PresenceEvent e, String key, Map<String, List<Span>> lives) {
        return app + " " + key + ": " + e.type().wireName()
                + (e.reason() == null ? "" : " (" + e.reason().id() + ")")
                + " observed " + Instant.ofEpochMilli(e.observedAt().toEpochMilli()) + " without a true change; true "
                + lives.getOrDefault(key, List.of());
    }
}
