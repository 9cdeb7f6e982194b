package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.VendorFields;
import io.roomwatch.provider.http.VendorTimes;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Room objects ({@code RoomList[]} items, {@code RoomInfo}) to sightings: incarnation = {@code CreateTime} in unix
 * seconds, read tolerantly (a number or a numeric string; milliseconds and RFC 3339 text are converted). {@code
 * CreateTime} is the room's identity here, not only a time: a room without a usable one cannot be attributed to an
 * incarnation and is skipped like any other bad item.
 */
final class TencentRooms {

    private TencentRooms() {}

    /**
     * The sighting, or null when the object is not a room, or its {@code RoomId} or {@code CreateTime} is unusable;
     * then {@code flaws} counts and logs a skipped item naming {@code field} (e.g. {@code RoomList[3]}).
     */
    static @Nullable RoomSighting sighting(JsonNode room, String field, Flaws flaws) {
        String roomId = VendorFields.id(room.get("RoomId"));
        if (!room.isObject() || roomId == null) {
            flaws.report(AnswerFlaw.BAD_ITEM, "skipped " + field + " " + Flaws.quote(room) + ": no usable RoomId");
            return null;
        }
        JsonNode createTime = room.get("CreateTime");
        Instant created = VendorFields.absent(createTime) ? null : VendorTimes.parse(createTime);
        if (created == null) {
            flaws.report(
                    AnswerFlaw.BAD_ITEM,
                    "skipped " + field + " (RoomId " + Flaws.quote(roomId) + "): CreateTime " + Flaws.quote(createTime)
                            + " is not a unix time, so the incarnation is unknown");
            return null;
        }
        long seconds = created.getEpochSecond();
        return RoomSighting.live(roomId, Long.toString(seconds), Instant.ofEpochSecond(seconds));
    }

    /**
     * The members of a {@code MemberList}: each item's {@code Member_Account}; an item that is not an object with a
     * usable account is skipped with a counted warning naming it.
     *
     * @return the number of items skipped
     */
    static int members(JsonNode list, String api, Flaws flaws, java.util.function.Consumer<String> member) {
        int skipped = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String account = VendorFields.id(item.get("Member_Account"));
            if (account == null) {
                skipped++;
                flaws.report(
                        AnswerFlaw.BAD_ITEM,
                        "skipped MemberList[" + i + "] " + Flaws.quote(item) + ": no usable Member_Account; "
                                + "nobody is removed by absence from this " + api + " answer");
            } else {
                member.accept(account);
            }
        }
        return skipped;
    }
}
