package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.http.Flaws;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code get_room_info} answers as observations. */
final class Probes {

    private Probes() {}

    /**
     * A one-room sweep: partial, because completeness is app-wide and a one-room sweep must not end other rooms. The
     * incarnation is the vendor's {@code CreateTime}; without a usable {@code RoomInfo} for the asked room id (a
     * skipped item, counted), the incarnation that was asked about: the vendor said the room exists.
     */
    static RoomSweep oneRoomSweep(
            AppKey app, RoomRef asked, JsonNode roomInfo, Calls.Call call, Instant sent, Instant now) {
        RoomSighting sighting = forRoom(asked.key().roomId(), roomInfo, call.flaws());
        if (sighting == null) {
            // the vendor said the room exists but not which incarnation: proves nothing about incarnations
            return new RoomSweep(
                    app,
                    Completeness.PARTIAL,
                    List.of(RoomSighting.live(asked.key().roomId(), asked.incarnation(), null)),
                    now);
        }
        return RoomSweep.seen(app, Completeness.PARTIAL, List.of(sighting), sent, now);
    }

    /**
     * The sighting in {@code roomInfo} if it is one of room {@code roomId}; null (a counted, logged bad item) when it
     * is unusable or about another room: an answer that cannot be attributed is not used.
     */
    static @Nullable RoomSighting forRoom(String roomId, JsonNode roomInfo, Flaws flaws) {
        RoomSighting sighting = TencentRooms.sighting(roomInfo, "RoomInfo", flaws);
        if (sighting != null && !sighting.roomId().equals(roomId)) {
            flaws.report(
                    AnswerFlaw.BAD_ITEM,
                    "skipped RoomInfo: asked for RoomId " + Flaws.quote(roomId) + ", answered about "
                            + Flaws.quote(sighting.roomId()));
            return null;
        }
        return sighting;
    }
}
