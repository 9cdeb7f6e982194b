package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.model.RoomSighting;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Room objects ({@code RoomList[]} items, {@code RoomInfo}) to sightings: incarnation = {@code CreateTime}. */
final class TencentRooms {

    private TencentRooms() {}

    /** The sighting, or null when {@code RoomId} or a positive {@code CreateTime} is missing. */
    static @Nullable RoomSighting sighting(JsonNode room) {
        String roomId = room.path("RoomId").asText("");
        long createTime = room.path("CreateTime").asLong(0); // a number; numeric strings are tolerated
        if (roomId.isEmpty() || createTime <= 0) {
            return null;
        }
        return RoomSighting.live(roomId, Long.toString(createTime), Instant.ofEpochSecond(createTime));
    }
}
