package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A room incarnation ended. Always the last event of its incarnation, after every member has left. */
public record RoomDestroyed(
        String eventId, RoomRef room, @Nullable Instant occurredAt, Instant observedAt, Origin origin)
        implements PresenceEvent {

    public RoomDestroyed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public EventType type() {
        return EventType.ROOM_DESTROYED;
    }
}
