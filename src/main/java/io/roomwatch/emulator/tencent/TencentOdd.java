package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.FaultKind;
import org.jspecify.annotations.Nullable;

/**
 * Tencent answers reshaped by the content faults {@link FaultKind#STUCK_CURSOR}, {@link FaultKind#BAD_ITEM} and
 * {@link FaultKind#ODD_TIMES} (see there); other kinds leave the answer as it is.
 */
final class TencentOdd {

    private TencentOdd() {}

    static ObjectNode reshape(@Nullable FaultKind kind, Api api, TencentRequest request, ObjectNode response) {
        if (kind == null) {
            return response;
        }
        String list = api == Api.LIVE_GET_ROOM_LIST ? "RoomList" : "MemberList";
        switch (kind) {
            case STUCK_CURSOR -> {
                response.put("Next", Cursors.encode(request.position())); // the cursor this page was asked with
                response.putArray(list);
            }
            case BAD_ITEM -> badItems(api, response, list);
            case ODD_TIMES -> createTimesAsText(response);
            default -> {}
        }
        return response;
    }

    private static void badItems(Api api, ObjectNode response, String list) {
        if (response.get("RoomInfo") instanceof ObjectNode info) {
            info.put("RoomId", "");
            return;
        }
        ArrayNode items = response.withArray(list);
        if (api == Api.LIVE_GET_ROOM_LIST) {
            items.addObject().put("RoomId", "").put("CreateTime", 1_700_000_000L);
        } else {
            items.addObject().put("NameCard", "no account");
            items.addObject().put("Member_Account", "");
        }
        items.addNull();
    }

    private static void createTimesAsText(ObjectNode response) {
        for (JsonNode room : response.path("RoomList")) {
            if (room instanceof ObjectNode item && item.has("CreateTime")) {
                item.put("CreateTime", item.get("CreateTime").asText());
            }
        }
        if (response.get("RoomInfo") instanceof ObjectNode info && info.has("CreateTime")) {
            info.put("CreateTime", info.get("CreateTime").asText());
        }
    }
}
