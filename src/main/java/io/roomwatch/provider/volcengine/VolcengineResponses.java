package io.roomwatch.provider.volcengine;

import com.fasterxml.jackson.core.JacksonException;
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
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows Volcengine's statuses and codes (vendor-apis.md §A.3, §A.4): a reply becomes its {@code
 * Result} or one {@link VendorFailure}. Vendor error codes win over the HTTP status (a throttled answer may come with
 * any status); without a code, 429 is throttled, 5xx transient, any other non-200 rejected.
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

    /** The {@code Result} of a successful reply, or throws the classified failure. */
    static JsonNode result(AppKey app, HttpReply reply) {
        JsonNode root = parse(app, reply);
        JsonNode error = root.path("ResponseMetadata").path("Error");
        if (error.hasNonNull("Code") || error.hasNonNull("CodeN")) {
            throw byCode(
                    app,
                    reply.status(),
                    error.path("Code").asText(""),
                    error.path("CodeN").asInt(0),
                    error.path("Message").asText(""));
        }
        if (reply.status() != 200) {
            throw byStatus(app, reply);
        }
        JsonNode result = root.path("Result");
        if (!result.isObject()) {
            throw new VendorUnavailable(app, "NoResult", "reply without Result: " + reply.excerpt(200), null);
        }
        return result;
    }

    /** Maps one vendor error to its outcome; unknown codes are rejections unless the status says 5xx. */
    static VendorFailure byCode(AppKey app, int status, String code, int codeN, String message) {
        String vendorCode = code.isEmpty() ? Integer.toString(codeN) : code;
        String text = message.isEmpty() ? "HTTP " + status : message;
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

    private static VendorFailure byStatus(AppKey app, HttpReply reply) {
        int status = reply.status();
        String code = "HTTP " + status;
        if (status == 429) {
            return new VendorThrottled(app, code, "throttled");
        }
        if (status >= 500) {
            return new VendorUnavailable(app, code, "vendor unavailable", null);
        }
        return new VendorRejected(app, code, "rejected: " + reply.excerpt(200), "check baseUrl");
    }

    private static JsonNode parse(AppKey app, HttpReply reply) {
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (root == null || !root.isObject()) {
                throw new VendorUnavailable(app, "MalformedBody", "reply is not a JSON object", null);
            }
            return root;
        } catch (IOException e) {
            if (reply.status() == 429 || reply.status() >= 500) {
                throw byStatus(app, reply); // a gateway page, not ours to parse
            }
            throw new VendorUnavailable(app, "MalformedBody", "malformed or truncated JSON", e);
        }
    }

    /** Reads a {@code Result} into a DTO; a shape we cannot read counts as a malformed (transient) reply. */
    static <T> T read(AppKey app, JsonNode result, Class<T> type) {
        try {
            return JSON.treeToValue(result, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new VendorUnavailable(app, "MalformedBody", "unexpected Result shape", e);
        }
    }
}
