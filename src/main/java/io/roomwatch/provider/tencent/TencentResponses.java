package io.roomwatch.provider.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.HttpReply;
import io.roomwatch.provider.http.StatusFailures;
import io.roomwatch.provider.http.VendorFields;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one place that knows Tencent's statuses and codes (envelope:
 * https://www.tencentcloud.com/document/product/647/63398; codes:
 * https://www.tencentcloud.com/document/product/1047/34348): a reply becomes a {@link TencentReply} (success or {@code
 * 100004}) or one {@link VendorFailure}.
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

    /**
     * The reply to {@code api} (e.g. {@code get_member_list}) as a {@link TencentReply}, or throws its failure.
     * Success needs positive evidence: {@code ActionStatus} {@code "OK"} or {@code ErrorCode} 0, neither contradicted
     * by the other, and a {@code Response} object (or a top-level payload). An HTTP 200 without either field (a
     * gateway's {@code {"ErrorInfo":"upstream timeout"}}), {@code FAIL} without a code, or a code that is not a number
     * is a malformed answer: {@link VendorUnavailable}, retried, then unknown; never an empty list.
     */
    static TencentReply classify(AppKey app, String api, HttpReply reply) {
        if (reply.status() != 200) {
            throw byStatus(app, api, reply);
        }
        JsonNode root = parse(app, api, reply);
        JsonNode codeNode = root.get("ErrorCode");
        Long code = VendorFields.whole(codeNode);
        if (codeNode != null && !codeNode.isNull() && code == null) {
            throw malformed(app, api, "ErrorCode is not a number", reply);
        }
        if (code != null && code == ROOM_NOT_FOUND) {
            return new TencentReply(MissingNode.getInstance(), true);
        }
        String info = root.path("ErrorInfo").asText("");
        if (code != null && code != 0) {
            throw byCode(app, api, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, code)), info);
        }
        String status = status(root.get("ActionStatus"));
        if (!("OK".equals(status) || (status == null && code != null))) {
            throw malformed(app, api, describe(status, code), reply);
        }
        // the room APIs answer under "Response"; tolerate payloads at the top level too
        JsonNode response = root.has("Response") ? root.get("Response") : root;
        if (!response.isObject()) {
            throw malformed(app, api, "Response is not an object", reply);
        }
        return new TencentReply(response, false);
    }

    /**
     * {@code reply} if it is the room's absence or carries {@code field} as what the API exists to give (a list, or
     * for {@code RoomInfo} an object); a success without it is malformed (unknown, never empty or "exists").
     */
    static TencentReply requireField(AppKey app, String api, TencentReply reply, String field) {
        JsonNode value = reply.response().path(field);
        boolean shaped = field.equals("RoomInfo") ? value.isObject() : value.isArray();
        if (reply.roomMissing() || shaped) {
            return reply;
        }
        throw VendorUnavailable.malformed(
                app, api, "success without " + field + ": " + Flaws.quote(reply.response()), null);
    }

    /** {@code ActionStatus} upper-cased; {@code ""} for a value that is not a string, null when absent. */
    private static @Nullable String status(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue().trim().toUpperCase(Locale.ROOT) : "";
    }

    private static String describe(@Nullable String status, @Nullable Long code) {
        if (status == null) {
            return "answer without ActionStatus or ErrorCode, so not a success";
        }
        if (status.equals("FAIL")) {
            return "ActionStatus FAIL with " + (code == null ? "no ErrorCode" : "ErrorCode 0");
        }
        return "ActionStatus is neither OK nor FAIL";
    }

    private static VendorUnavailable malformed(AppKey app, String api, String what, HttpReply reply) {
        return VendorUnavailable.malformed(app, api, what + ": " + reply.excerpt(200), null);
    }

    /** Maps one vendor error code to its outcome; unknown codes are rejections. */
    static VendorFailure byCode(AppKey app, String api, int code, String info) {
        String vendorCode = Integer.toString(code);
        String text = api + ": " + (info.isEmpty() ? "error " + code : info);
        if (THROTTLED.contains(code)) {
            return new VendorThrottled(app, vendorCode, "throttled: " + text);
        }
        if (TRANSIENT.contains(code)) {
            return new VendorUnavailable(app, vendorCode, "vendor error: " + text, null);
        }
        return new VendorRejected(app, vendorCode, "rejected: " + text, HINTS.getOrDefault(code, ""));
    }

    private static VendorFailure byStatus(AppKey app, String api, HttpReply reply) {
        return StatusFailures.byStatus(app, api, reply, "check region or baseUrl");
    }

    private static JsonNode parse(AppKey app, String api, HttpReply reply) {
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (root == null || !root.isObject()) {
                throw malformed(app, api, "reply is not a JSON object", reply);
            }
            return root;
        } catch (IOException e) {
            throw VendorUnavailable.malformed(app, api, "malformed or truncated JSON: " + reply.excerpt(200), e);
        }
    }
}
