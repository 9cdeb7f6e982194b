package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A user is no longer in a room incarnation, because they left or because the room ended. */
public record UserLeft(
        String eventId,
        RoomRef room,
        String userId,
        Visibility visibility,
        LeaveReason reason,
        @Nullable Instant occurredAt,
        Instant observedAt,
        Origin origin)
        implements PresenceEvent {

    public UserLeft {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(room, "room");
        Ids.requireId(userId, "userId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public EventType type() {
        return EventType.USER_LEFT;
    }
}
