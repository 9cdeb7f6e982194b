package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A new room incarnation was observed. Always the first event of its incarnation. */
public record RoomCreated(String eventId, RoomRef room, @Nullable Instant occurredAt, Instant observedAt, Origin origin)
        implements PresenceEvent {

    public RoomCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public EventType type() {
        return EventType.ROOM_CREATED;
    }
}
