package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A user appeared in a room incarnation. */
public record UserJoined(
        String eventId,
        RoomRef room,
        String userId,
        Visibility visibility,
        @Nullable Instant occurredAt,
        Instant observedAt,
        Origin origin)
        implements PresenceEvent {

    public UserJoined {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(room, "room");
        Ids.requireId(userId, "userId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public EventType type() {
        return EventType.USER_JOINED;
    }
}
