package io.roomwatch.provider.volcengine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roomwatch.model.AppKey;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.HttpReply;
import io.roomwatch.provider.http.StatusFailures;
import io.roomwatch.provider.http.VendorFields;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows Volcengine's statuses and codes (envelope: https://www.volcengine.com/docs/6348/1178322;
 * gateway codes: https://www.volcengine.com/docs/6369/68677; RTC codes: https://www.volcengine.com/docs/6348/70426): a
 * reply becomes its {@code Result} or one {@link VendorFailure}. Vendor error codes win over the HTTP status (a
 * throttled answer may come with any status); without a code, 429 is throttled, 5xx transient, any other non-200
 * rejected.
 */
final class VolcengineResponses {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // vendors add fields
            .build();

    private static final Set<Integer> TRANSIENT_CODES = Set.of(100001, 100014, 100015, 100016);
    private static final Set<String> TRANSIENT_NAMES =
            Set.of("UndefinedError", "InternalError", "FailToConnect", "InternalServiceTimeout");
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("InvalidTimestamp", "clock skew: check this machine's clock (NTP); signatures are dated"),
            Map.entry("InvalidAccessKey", "check accessKeyId"),
            Map.entry("SignatureDoesNotMatch", "check secretAccessKey and region"),
            Map.entry("AccessDenied", "grant the access key read access to RTC"),
            Map.entry("LackPolicy", "attach an RTC read policy to the sub-account"),
            Map.entry("InvalidParameter.NotExistAppId", "unknown app: check appId"),
            Map.entry("InvalidParameter.IllegalAppId", "unknown app: check appId"),
            Map.entry("InvalidParameter.AccountIdMismatch", "the app belongs to another account: check appId"),
            Map.entry("ServiceNotFound", "check baseUrl and region"),
            Map.entry("InvalidActionOrVersion", "check baseUrl: the endpoint does not serve this API"));

    private VolcengineResponses() {}

    /**
     * The {@code Result} of a successful reply to {@code api} (e.g. {@code ListRoomInfo}), or throws the classified
     * failure. Success needs positive evidence: no {@code ResponseMetadata.Error} (an error object with any code or
     * message, or an error given as a bare string) and a {@code Result} object. An error without a code is classified
     * by its HTTP status (a 200 with one is malformed); a 200 without a {@code Result} is malformed: {@link
     * VendorUnavailable}, retried, then unknown.
     */
    static JsonNode result(AppKey app, String api, HttpReply reply) {
        JsonNode root = parse(app, api, reply);
        JsonNode error = root.path("ResponseMetadata").path("Error");
        if (isError(error)) {
            String code =
                    error.isTextual() ? error.textValue() : error.path("Code").asText("");
            Long codeN = VendorFields.whole(error.get("CodeN"));
            String message = error.path("Message").asText("");
            if (code.isEmpty() && (codeN == null || codeN == 0)) {
                if (reply.status() != 200) {
                    throw byStatus(app, api, reply);
                }
                throw VendorUnavailable.malformed(
                        app, api, "ResponseMetadata.Error without a Code: " + reply.excerpt(200), null);
            }
            throw byCode(app, api, reply.status(), code, codeN == null ? 0 : codeN.intValue(), message);
        }
        if (reply.status() != 200) {
            throw byStatus(app, api, reply);
        }
        JsonNode result = root.path("Result");
        if (!result.isObject()) {
            throw VendorUnavailable.malformed(app, api, "reply without a Result object: " + reply.excerpt(200), null);
        }
        return result;
    }

    /** Whether {@code ResponseMetadata.Error} says the call failed: a string, or an object with any content. */
    private static boolean isError(JsonNode error) {
        if (error.isTextual()) {
            return !error.textValue().isBlank();
        }
        if (!error.isObject()) {
            return false; // missing or null: no error
        }
        Long codeN = VendorFields.whole(error.get("CodeN"));
        return !error.path("Code").asText("").isEmpty()
                || (codeN != null && codeN != 0)
                || !error.path("Message").asText("").isEmpty();
    }

    /** Maps one vendor error to its outcome; unknown codes are rejections unless the status says 5xx. */
    static VendorFailure byCode(AppKey app, String api, int status, String code, int codeN, String message) {
        String vendorCode = code.isEmpty() ? Integer.toString(codeN) : code;
        String text = api + ": " + (message.isEmpty() ? "HTTP " + status : message);
        if (code.startsWith("FlowLimitExceeded") || codeN == 100018 || status == 429) {
            return new VendorThrottled(app, vendorCode, "throttled: " + text);
        }
        if (TRANSIENT_CODES.contains(codeN)
                || TRANSIENT_NAMES.contains(code)
                || code.startsWith("InternalError")
                || status >= 500) {
            return new VendorUnavailable(app, vendorCode, "vendor error: " + text, null);
        }
        String hint = HINTS.getOrDefault(code, code.startsWith("InvalidParameter") ? "invalid parameter" : "");
        return new VendorRejected(app, vendorCode, "rejected: " + text, hint);
    }

    private static VendorFailure byStatus(AppKey app, String api, HttpReply reply) {
        return StatusFailures.byStatus(app, api, reply, "check baseUrl");
    }

    private static JsonNode parse(AppKey app, String api, HttpReply reply) {
        JsonNode root;
        try {
            root = JSON.readTree(reply.body());
        } catch (IOException e) {
            if (reply.status() == 429 || reply.status() >= 500) {
                throw byStatus(app, api, reply); // a gateway page, not ours to parse
            }
            throw VendorUnavailable.malformed(app, api, "malformed or truncated JSON: " + reply.excerpt(200), e);
        }
        if (root == null || !root.isObject()) {
            if (reply.status() != 200) {
                throw byStatus(app, api, reply);
            }
            throw VendorUnavailable.malformed(app, api, "reply is not a JSON object: " + reply.excerpt(200), null);
        }
        return root;
    }
}
