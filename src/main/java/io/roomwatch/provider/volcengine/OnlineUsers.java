package io.roomwatch.provider.volcengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.VendorFields;

/**
 * {@code GetRoomOnlineUsers} (version 2023-11-01, {@code Property=false}), read from its {@code Result}. {@code
 * RoomExists} is required (it is the answer's whole point); totals absent count as 0 (the Go SDK models every field
 * {@code omitempty}); lists absent are empty, but a list that is not one, or a total that is not a number, makes the
 * answer malformed. Items stay raw, to be read one by one.
 */
record OnlineUsers(boolean roomExists, long totalUser, long totalInvisibleUser, JsonNode visible, JsonNode invisible) {

    private static final String API = "GetRoomOnlineUsers";

    static OnlineUsers read(AppKey app, JsonNode result) {
        Boolean exists = VendorFields.flag(result.get("RoomExists"));
        if (exists == null) {
            throw malformed(app, "Result without RoomExists", result);
        }
        return new OnlineUsers(
                exists,
                count(app, result, "TotalUser"),
                count(app, result, "TotalInvisibleUser"),
                list(app, result, "VisibleUserList"),
                list(app, result, "InvisibleUserList"));
    }

    private static long count(AppKey app, JsonNode result, String field) {
        JsonNode node = result.get(field);
        if (VendorFields.absent(node)) {
            return 0;
        }
        Long value = VendorFields.whole(node);
        if (value == null) {
            throw malformed(app, field + " is not a number", result);
        }
        return value;
    }

    private static JsonNode list(AppKey app, JsonNode result, String field) {
        JsonNode node = result.get(field);
        if (VendorFields.absent(node)) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw malformed(app, field + " is not a list", result);
        }
        return node;
    }

    private static VendorUnavailable malformed(AppKey app, String what, JsonNode result) {
        return VendorUnavailable.malformed(app, API, what + ": " + Flaws.quote(result), null);
    }
}
