package io.roomwatch.provider.volcengine;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.VendorFields;
import io.roomwatch.provider.http.VendorTimes;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code RoomList} items to sightings: incarnation = {@code CallId}; creation time from {@code CreateTime} (the docs)
 * or {@code CreatedTime} (the official Go SDK), {@code CreateTime} winning when both are there; end time from {@code
 * DestroyTime} when {@code IsFinished}. Times are read by {@link VendorTimes} (any RFC 3339 offset spelling, empty =
 * absent; unreadable = absent with a counted warning: the room is kept).
 */
final class RoomItems {

    private RoomItems() {}

    /**
     * The sighting, or null for an item that cannot be tracked: not an object, no usable {@code RoomId} or {@code
     * CallId}, or an {@code IsFinished} that is not a boolean (whether the call ended is unknown). Then {@code flaws}
     * counts and logs a skipped item naming {@code field}.
     */
    static @Nullable RoomSighting sighting(JsonNode item, String field, Flaws flaws) {
        String roomId = VendorFields.id(item.get("RoomId"));
        String callId = VendorFields.id(item.get("CallId"));
        if (!item.isObject() || roomId == null || callId == null) {
            return skip(flaws, field, item, "no usable RoomId and CallId");
        }
        JsonNode finishedNode = item.get("IsFinished");
        Boolean finished = VendorFields.absent(finishedNode) ? Boolean.FALSE : VendorFields.flag(finishedNode);
        if (finished == null) {
            return skip(flaws, field, item, "IsFinished is not a boolean");
        }
        JsonNode created =
                VendorFields.absent(item.get("CreateTime")) ? item.get("CreatedTime") : item.get("CreateTime");
        String createdField = VendorFields.absent(item.get("CreateTime")) ? "CreatedTime" : "CreateTime";
        Instant createdAt = VendorTimes.read(created, field + "." + createdField, flaws);
        Instant endedAt = finished ? VendorTimes.read(item.get("DestroyTime"), field + ".DestroyTime", flaws) : null;
        return new RoomSighting(roomId, callId, createdAt, finished, endedAt);
    }

    private static @Nullable RoomSighting skip(Flaws flaws, String field, JsonNode item, String why) {
        flaws.report(AnswerFlaw.BAD_ITEM, "skipped " + field + " " + Flaws.quote(item) + ": " + why);
        return null;
    }
}
