package io.roomwatch.emulator.volcengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.http.Reply;

/**
 * The Volcengine envelope (https://www.volcengine.com/docs/6348/1178322; the business-error example of
 * https://docs.byteplus.com/en/docs/byteplus-rtc/docs-69828): {@code ResponseMetadata} always, {@code Error} only on
 * failure, {@code Result} on success and (empty, as in the doc's business-error example) on business errors.
 */
final class VolcengineReplies {

    private VolcengineReplies() {}

    /** What {@code ResponseMetadata} echoes. */
    record Meta(String requestId, String action, String version, String region) {}

    static Reply success(Meta meta, ObjectNode result) {
        ObjectNode root = Json.object();
        root.set("ResponseMetadata", metadata(meta));
        root.set("Result", result);
        return Reply.json(200, Json.write(root));
    }

    static Reply error(Meta meta, VolcengineError error) {
        ObjectNode metadata = metadata(meta);
        ObjectNode body = metadata.putObject("Error");
        if (error.codeN() != null) {
            body.put("CodeN", error.codeN());
        }
        body.put("Code", error.code()).put("Message", error.message());
        ObjectNode root = Json.object();
        root.set("ResponseMetadata", metadata);
        if (error.isBusiness()) {
            root.putObject("Result");
        }
        return Reply.json(error.status(), Json.write(root));
    }

    /** HTTP 200 with {@code ResponseMetadata} but neither {@code Error} nor {@code Result}. */
    static Reply statusless(Meta meta) {
        ObjectNode root = Json.object();
        root.set("ResponseMetadata", metadata(meta));
        return Reply.json(200, Json.write(root));
    }

    private static ObjectNode metadata(Meta meta) {
        return Json.object()
                .put("RequestId", meta.requestId())
                .put("Action", meta.action())
                .put("Version", meta.version())
                .put("Service", "rtc")
                .put("Region", meta.region());
    }
}
