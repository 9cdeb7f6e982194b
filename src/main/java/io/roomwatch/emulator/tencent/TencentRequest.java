package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.Limits;
import org.jspecify.annotations.Nullable;

/**
 * The body fields of one Tencent call, validated per API; {@code error} is set (code 100002) when one is invalid.
 *
 * @param roomId {@code RoomId}, "" for get_room_list
 * @param position where the requested page starts ({@code Next}); page 0 for APIs without pages
 * @param count page size after defaults and clamping
 * @param error message of a 100002 answer, or null
 */
record TencentRequest(String roomId, Cursors.Position position, int count, @Nullable String error) {

    private static final Cursors.Position UNPAGED = new Cursors.Position(0, 0);

    static TencentRequest parse(Api api, JsonNode body, Limits limits) {
        if (api == Api.LIVE_GET_ROOM_LIST) {
            // default 20, at most 20: https://trtc.io/document/63421
            return paged("", body.get("Next"), body.get("Count"), 20, 20);
        }
        JsonNode roomId = body.get("RoomId");
        if (roomId == null || !roomId.isTextual() || roomId.asText().isEmpty()) {
            return invalid("RoomId is required and must be a string");
        }
        String id = roomId.asText();
        return switch (api) {
            case LIVE_GET_MEMBER_LIST -> // no Count parameter: the page size is ours (UNCONFIRMED)
            paged(id, body.get("Next"), null, limits.liveMemberPageSize(), limits.liveMemberPageSize());
            case ROOM_GET_ROOM_MEMBER_LIST -> paged(
                    id, body.get("Next"), body.get("Count"), 50, limits.roomMemberMaxCount());
            default -> new TencentRequest(id, UNPAGED, 0, null);
        };
    }

    private static TencentRequest paged(
            String roomId, @Nullable JsonNode next, @Nullable JsonNode count, int defaultCount, int maxCount) {
        if (next != null && !next.isTextual()) {
            return invalid("Next must be a string");
        }
        if (count != null && (!count.isIntegralNumber() || !count.canConvertToInt() || count.asInt() < 1)) {
            return invalid("Count must be a positive integer");
        }
        Cursors.Position position = Cursors.decode(next == null ? "" : next.asText());
        if (position == null) {
            return invalid("Next is not a cursor this API returned");
        }
        int size = count == null ? defaultCount : Math.min(count.asInt(), maxCount);
        return new TencentRequest(roomId, position, size, null);
    }

    private static TencentRequest invalid(String message) {
        return new TencentRequest("", UNPAGED, 0, message);
    }
}
