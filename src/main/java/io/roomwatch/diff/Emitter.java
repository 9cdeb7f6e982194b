package io.roomwatch.diff;

import io.roomwatch.model.EventType;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.Member;
import io.roomwatch.model.Origin;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomCreated;
import io.roomwatch.model.RoomDestroyed;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Transition;
import io.roomwatch.model.UserJoined;
import io.roomwatch.model.UserLeft;
import io.roomwatch.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Collects the events and state changes of one observation, in order. Single use, single thread. */
final class Emitter {

    private final Instant observedAt;
    private final Origin origin;
    private final List<PresenceEvent> events = new ArrayList<>();
    private final List<RoomState> upserted = new ArrayList<>();
    private final List<RoomState> ended = new ArrayList<>();

    Emitter(Instant observedAt) {
        this(observedAt, Origin.POLL);
    }

    /** An emitter whose events say they were learnt by {@code origin}. */
    Emitter(Instant observedAt, Origin origin) {
        this.observedAt = observedAt;
        this.origin = origin;
    }

    /** Emits {@code RoomCreated}; the caller records the state once it is final. */
    RoomState create(RoomRef ref, RoomSighting sighting) {
        String id = EventIds.forRoom(EventType.ROOM_CREATED, ref);
        events.add(new RoomCreated(id, ref, sighting.createdAt(), observedAt, origin));
        return RoomState.created(ref, sighting.createdAt());
    }

    /** Every member still present leaves (reason room-destroyed, by user id), then the room is destroyed. */
    void destroy(RoomState room, @Nullable Instant endedAt) {
        new TreeMap<>(room.members())
                .forEach((user, member) -> leave(room.ref(), user, member, LeaveReason.ROOM_DESTROYED, endedAt));
        String id = EventIds.forRoom(EventType.ROOM_DESTROYED, room.ref());
        events.add(new RoomDestroyed(id, room.ref(), endedAt, observedAt, origin));
        ended.add(room);
    }

    void leave(RoomRef ref, String user, Member member, LeaveReason reason, @Nullable Instant at) {
        String id = EventIds.forMember(EventType.USER_LEFT, ref, user, member.joins());
        events.add(new UserLeft(id, ref, user, member.visibility(), reason, at, observedAt, origin));
    }

    /** Emits {@code UserJoined} for the {@code joins}-th join of {@code user}. */
    Member join(RoomRef ref, String user, Visibility visibility, int joins) {
        return join(ref, user, visibility, joins, null);
    }

    /** Emits {@code UserJoined} for the {@code joins}-th join of {@code user}, at the vendor's time if known. */
    Member join(RoomRef ref, String user, Visibility visibility, int joins, @Nullable Instant at) {
        String id = EventIds.forMember(EventType.USER_JOINED, ref, user, joins);
        events.add(new UserJoined(id, ref, user, visibility, at, observedAt, origin));
        return new Member(visibility, joins);
    }

    void upsert(RoomState room) {
        upserted.add(room);
    }

    Transition transition() {
        return new Transition(events, upserted, ended);
    }

    Transition transition(@Nullable Instant listedUntil) {
        return new Transition(events, upserted, ended, listedUntil);
    }

    static Map<String, Member> sorted(Map<String, Member> members) {
        return new TreeMap<>(members);
    }
}
