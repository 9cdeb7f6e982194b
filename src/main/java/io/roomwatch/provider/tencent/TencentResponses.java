package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.HttpReply;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows Tencent's statuses and codes (vendor-apis.md §B.1, §B.3): a reply becomes a {@link
 * TencentReply} (success or {@code 100004}) or one {@link VendorFailure}.
 */
final class TencentResponses {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final int ROOM_NOT_FOUND = 100004;
    private static final Set<Integer> THROTTLED = Set.of(60007, 60011, 60018, 60019, 70050, 100422);
    private static final Set<Integer> TRANSIENT = Set.of(100001, 60008, 60013, 60014);
    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(70001, "UserSig expired on arrival: clock skew, check this machine's clock (NTP)"),
            Map.entry(70003, "UserSig unreadable: check secretKey"),
            Map.entry(70009, "UserSig does not verify: check secretKey (another app's key?)"),
            Map.entry(70013, "UserSig was made for another identifier: check administrator"),
            Map.entry(70014, "UserSig was made for another SDKAppID: check sdkAppId and secretKey"),
            Map.entry(70016, "no key for this SDKAppID here: check region (data centre)"),
            Map.entry(70020, "SDKAppID not found here: check region (data centre)"),
            Map.entry(60004, "check administrator and secretKey"),
            Map.entry(60005, "check administrator and secretKey"),
            Map.entry(60006, "unknown app: check sdkAppId"),
            Map.entry(60010, "not an App Administrator: make administrator one in the console"),
            Map.entry(60016, "the SDKAppID is disabled"),
            Map.entry(60020, "the paid plan expired or is suspended"),
            Map.entry(60021, "this machine's IP is not allowed to call the REST API"),
            Map.entry(100002, "invalid parameter"),
            Map.entry(100006, "insufficient permission"),
            Map.entry(100007, "a paid plan is required"));

    private TencentResponses() {}

    static TencentReply classify(AppKey app, HttpReply reply) {
        if (reply.status() != 200) {
            throw byStatus(app, reply);
        }
        JsonNode root = parse(app, reply);
        int code = root.path("ErrorCode").asInt(0);
        boolean failed = code != 0 || "FAIL".equals(root.path("ActionStatus").asText("OK"));
        if (code == ROOM_NOT_FOUND) {
            return new TencentReply(MissingNode.getInstance(), true);
        }
        if (failed) {
            throw byCode(app, code, root.path("ErrorInfo").asText(""));
        }
        // the room APIs answer under "Response"; tolerate payloads at the top level too
        JsonNode response = root.has("Response") ? root.get("Response") : root;
        return new TencentReply(response, false);
    }

    /** Maps one vendor error code to its outcome; unknown codes are rejections. */
    static VendorFailure byCode(AppKey app, int code, String info) {
        String vendorCode = Integer.toString(code);
        String text = info.isEmpty() ? "error " + code : info;
        if (THROTTLED.contains(code)) {
            return new VendorThrottled(app, vendorCode, "throttled: " + text);
        }
        if (TRANSIENT.contains(code)) {
            return new VendorUnavailable(app, vendorCode, "vendor error: " + text, null);
        }
        return new VendorRejected(app, vendorCode, "rejected: " + text, HINTS.getOrDefault(code, ""));
    }

    private static VendorFailure byStatus(AppKey app, HttpReply reply) {
        String code = "HTTP " + reply.status();
        if (reply.status() == 429) {
            return new VendorThrottled(app, code, "throttled");
        }
        if (reply.status() >= 500) {
            return new VendorUnavailable(app, code, "vendor unavailable", null);
        }
        return new VendorRejected(app, code, "rejected: " + reply.excerpt(200), "check region or baseUrl");
    }

    private static JsonNode parse(AppKey app, HttpReply reply) {
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (root == null || !root.isObject()) {
                throw new VendorUnavailable(app, "MalformedBody", "reply is not a JSON object", null);
            }
            return root;
        } catch (IOException e) {
            throw new VendorUnavailable(app, "MalformedBody", "malformed or truncated JSON", e);
        }
    }
}
