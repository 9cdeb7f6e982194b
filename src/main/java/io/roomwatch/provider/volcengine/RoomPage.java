package io.roomwatch.provider.volcengine;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.VendorFields;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ListRoomInfo} page (version 2020-12-01), read from its {@code Result}. {@code Total} is the vendor's end
 * marker for the offset walk and must be a number; {@code RoomList} may be absent (an empty page) but not something
 * else than a list; {@code HasMore} absent means false. Items are kept raw: each is read on its own, so that one bad
 * item never costs the page ({@link RoomItems}).
 *
 * @param total {@code Total}
 * @param more {@code HasMore}
 * @param items the {@code RoomList} items, unread
 */
record RoomPage(long total, boolean more, List<JsonNode> items) {

    RoomPage {
        items = List.copyOf(items);
    }

    /** The page in {@code result}, or a malformed answer (unknown, retried) when it is not a page. */
    static RoomPage read(AppKey app, JsonNode result) {
        Long total = VendorFields.whole(result.get("Total"));
        if (total == null || total < 0) {
            throw malformed(app, "Result without a Total count", result);
        }
        JsonNode hasMore = result.get("HasMore");
        Boolean more = VendorFields.flag(hasMore);
        if (more == null && !VendorFields.absent(hasMore)) {
            throw malformed(app, "HasMore is not a boolean", result);
        }
        JsonNode list = result.get("RoomList");
        if (!VendorFields.absent(list) && !list.isArray()) {
            throw malformed(app, "RoomList is not a list", result);
        }
        List<JsonNode> items = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(items::add);
        }
        return new RoomPage(total, Boolean.TRUE.equals(more), items);
    }

    private static VendorUnavailable malformed(AppKey app, String what, JsonNode result) {
        return VendorUnavailable.malformed(app, "ListRoomInfo", what + ": " + Flaws.quote(result), null);
    }
}
