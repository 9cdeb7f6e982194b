package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.http.Reply;

/**
 * The Tencent REST envelope (https://www.tencentcloud.com/document/product/647/63398): always HTTP 200 with {@code
 * ActionStatus}, {@code ErrorInfo}, {@code ErrorCode}, {@code RequestId}; TUILiveKit/TUIRoomKit payloads under {@code
 * Response}.
 */
final class TencentReplies {

    private TencentReplies() {}

    static Reply ok(String requestId, ObjectNode response) {
        ObjectNode root = Json.object()
                .put("ActionStatus", "OK")
                .put("ErrorInfo", "")
                .put("ErrorCode", 0)
                .put("RequestId", requestId);
        root.set("Response", response);
        return Reply.json(200, Json.write(root));
    }

    static Reply fail(String requestId, int errorCode, String errorInfo) {
        ObjectNode root = Json.object()
                .put("ActionStatus", "FAIL")
                .put("ErrorInfo", errorInfo)
                .put("ErrorCode", errorCode)
                .put("RequestId", requestId);
        return Reply.json(200, Json.write(root));
    }

    /** HTTP 200 without {@code ActionStatus} or {@code ErrorCode}, as a gateway answers when its upstream times out. */
    static Reply statusless(String requestId) {
        ObjectNode root = Json.object().put("ErrorInfo", "upstream timeout").put("RequestId", requestId);
        return Reply.json(200, Json.write(root));
    }
}
