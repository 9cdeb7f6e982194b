package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import java.time.Instant;
import java.util.List;

/** {@code get_room_info} answers as observations. */
final class Probes {

    private Probes() {}

    /**
     * A one-room sweep: partial, because completeness is app-wide and a one-room sweep must not end other rooms. The
     * incarnation is the vendor's {@code CreateTime}; without one, the incarnation that was asked about.
     */
    static RoomSweep oneRoomSweep(AppKey app, RoomRef asked, JsonNode roomInfo, Instant now) {
        RoomSighting sighting = TencentRooms.sighting(roomInfo);
        RoomSighting room =
                sighting != null && sighting.roomId().equals(asked.key().roomId())
                        ? sighting
                        : RoomSighting.live(asked.key().roomId(), asked.incarnation(), null);
        return new RoomSweep(app, Completeness.PARTIAL, List.of(room), now);
    }
}
