package io.roomwatch.provider.volcengine;

import io.roomwatch.model.RoomSighting;
import io.roomwatch.provider.volcengine.VolcengineDtos.RoomItem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** {@code RoomList} items to sightings: incarnation = {@code CallId}, times from RFC 3339 strings. */
final class RoomItems {

    private RoomItems() {}

    /** The sighting, or null for an item without {@code RoomId} or {@code CallId} (it cannot be tracked). */
    static @Nullable RoomSighting sighting(RoomItem item) {
        if (isEmpty(item.roomId()) || isEmpty(item.callId())) {
            return null;
        }
        boolean finished = Boolean.TRUE.equals(item.isFinished());
        Instant createdAt = parse(item.creation());
        Instant endedAt = finished ? parse(item.destroyTime()) : null;
        return new RoomSighting(item.roomId(), item.callId(), createdAt, finished, endedAt);
    }

    /** RFC 3339 with any offset and optional fractions; null when absent or unreadable (times are advisory). */
    static @Nullable Instant parse(@Nullable String value) {
        if (isEmpty(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isEmpty(@Nullable String value) {
        return value == null || value.isEmpty();
    }
}
