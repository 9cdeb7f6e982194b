package io.roomwatch.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change in a room's life or membership: the product's public contract. Events of one room incarnation always come
 * in this shape: {@link RoomCreated} first, then alternating {@link UserJoined}/{@link UserLeft} per user, and
 * finally (after a {@link UserLeft} with reason {@link LeaveReason#ROOM_DESTROYED} for every member still present)
 * {@link RoomDestroyed}.
 *
 * <p>The {@link #eventId()} is deterministic: re-emitting the same transition after a crash yields the same id, a
 * later genuine re-join yields a new one. Consumers may deduplicate on it.
 */
public sealed interface PresenceEvent permits RoomCreated, RoomDestroyed, UserJoined, UserLeft {

    /** Deterministic id (a name-based UUID), stable across re-emissions of the same transition. */
    String eventId();

    /** Which of the four events this is. */
    EventType type();

    /** The room incarnation the event belongs to. */
    RoomRef room();

    /** The vendor's time of the change when the vendor gives one, e.g. Volcengine {@code CreateTime}. */
    @Nullable
    Instant occurredAt();

    /** When roomwatch observed the change. */
    Instant observedAt();

    /** How roomwatch learnt of the change. */
    Origin origin();

    /** The member's user id, for member events; {@code null} for room events. */
    default @Nullable String userId() {
        return null;
    }

    /** The member's visibility, for member events; {@code null} for room events. */
    default @Nullable Visibility visibility() {
        return null;
    }

    /** Why a member left, for {@link UserLeft}; {@code null} otherwise. */
    default @Nullable LeaveReason reason() {
        return null;
    }

    /** The room key, which is also the Kafka record key. */
    default RoomKey key() {
        return room().key();
    }
}
