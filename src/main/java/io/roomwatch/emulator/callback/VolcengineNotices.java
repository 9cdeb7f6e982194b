package io.roomwatch.emulator.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.http.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Volcengine RTC callback bodies (https://volcengine.com/docs/6348/69820, envelope
 * https://docs.byteplus.com/byteplus-rtc/docs/75124, event types https://docs.byteplus.com/byteplus-rtc/docs/75125).
 * The envelope carries {@code EventData} as a JSON-encoded string; its member fields ({@code RoomId}, {@code UserId},
 * {@code Timestamp} in ms) follow a third-party handler model (UNCONFIRMED), and {@code RoomDestroy}'s ({@code RoomId},
 * {@code Timestamp}) are our guess.
 */
final class VolcengineNotices {

    /** The envelope {@code Version}. */
    static final String VERSION = "2020-12-01";

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final CallbackOptions options;

    VolcengineNotices(CallbackOptions options) {
        this.options = options;
    }

    /** The {@code EventType} reporting {@code change}, or empty when the vendor sends none. */
    Optional<String> eventType(Change change) {
        return switch (change.type()) {
            case UserJoined -> Optional.of(change.invisible() ? "InvisibleUserJoinRoom" : "UserJoinRoom");
            case UserLeft -> Optional.of(change.invisible() ? "InvisibleUserLeaveRoom" : "UserLeaveRoom");
            case RoomDestroyed -> Optional.of("RoomDestroy");
                // RoomCreate is not in the vendor's event list: only on request
            case RoomCreated -> options.volcengineRoomCreate() ? Optional.of("RoomCreate") : Optional.empty();
        };
    }

    /**
     * The signed envelope.
     *
     * @param userId the member named in {@code EventData} (the change's, or a made-up one for a forged copy)
     * @param key the callback key to sign with (a wrong one for a forged copy)
     */
    String body(Change change, String eventType, @Nullable String userId, String eventId, String nonce, String key) {
        String eventData = eventData(change, userId);
        String eventTime = eventTime(change.timeMillis());
        String signature = CallbackSigning.volcengine(
                List.of(eventType, eventData, eventTime, eventId, change.app(), VERSION, nonce), key);
        ObjectNode body = Json.object()
                .put("EventType", eventType)
                .put("EventData", eventData)
                .put("EventTime", eventTime)
                .put("EventId", eventId)
                .put("AppId", change.app())
                .put("Version", VERSION)
                .put(options.noce() ? "Noce" : "Nonce", nonce)
                .put("Signature", signature);
        return Json.write(body);
    }

    static String eventData(Change change, @Nullable String userId) {
        ObjectNode data = Json.object().put("RoomId", change.roomId());
        if (userId != null) {
            data.put("UserId", userId);
        }
        return Json.write(data.put("Timestamp", change.timeMillis()));
    }

    /** RFC 3339 in UTC with nanoseconds, as the doc's example {@code 1970-07-01T00:00:00.000000000Z}. */
    static String eventTime(long epochMillis) {
        return EVENT_TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
