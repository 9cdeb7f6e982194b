package io.roomwatch.callback.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.roomwatch.config.Secret;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.Pushed.Change;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.http.VendorTimes;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads and verifies Volcengine RTC callbacks (message notifications, https://www.volcengine.com/docs/6348/75124 and
 * the room event types of https://docs.byteplus.com/en/docs/byteplus-rtc/docs-75125): a JSON envelope whose {@code
 * EventData} is a JSON-encoded string, signed with the callback key. Pure; any thread.
 *
 * <ul>
 *   <li>{@code UserJoinRoom}, {@code InvisibleUserJoinRoom}: a join (visible, invisible); {@code UserLeaveRoom},
 *       {@code InvisibleUserLeaveRoom}: a leave; {@code RoleChangeInvisible2Visible} and {@code
 *       RoleChangeVisible2Invisible}: the user is present with that visibility; {@code RoomDestroy}: the room ended.
 *   <li>{@code RoomCreate} (UNCONFIRMED) creates a room only if its {@code EventData} names the {@code CallId}; the
 *       member callbacks name none, so they are attributed like a poll's answer at the callback's moment.
 *   <li>{@code Nonce} is also accepted as {@code Noce} (older documents).
 *   <li>The moment is {@code EventTime} (RFC 3339), else {@code EventData.Timestamp} (milliseconds or seconds).
 * </ul>
 */
final class VolcengineCallbacks {

    private VolcengineCallbacks() {}

    /**
     * @throws CallbackRejected for a body that is not a Volcengine callback, another app's, or wrongly signed
     */
    static Read read(AppKey app, Secret key, byte[] body, Instant receivedAt, LongSupplier receipts) {
        JsonNode root = CallbackJson.object(body, app + ": callback body");
        String type = text(root, "EventType", app);
        String data = text(root, "EventData", app);
        String time = text(root, "EventTime", app);
        String eventId = text(root, "EventId", app);
        String appId = text(root, "AppId", app);
        String version = text(root, "Version", app);
        String nonce = root.hasNonNull("Nonce") ? text(root, "Nonce", app) : text(root, "Noce", app);
        String signature = text(root, "Signature", app);
        String expected = Signatures.volcengine(type, data, time, eventId, appId, version, nonce, key.reveal());
        if (!Signatures.matches(expected, signature)) {
            throw CallbackRejected.unauthenticated(app + ": callback " + eventId + " has a wrong Signature");
        }
        if (!appId.equals(app.appId())) {
            throw CallbackRejected.unknownApp(app + ": callback " + eventId + " is for AppId "
                    + CallbackJson.quote(appId) + ", not this path's app");
        }
        JsonNode event = CallbackJson.object(
                data.getBytes(java.nio.charset.StandardCharsets.UTF_8), app + ": callback EventData");
        Change change;
        Visibility visibility = Visibility.VISIBLE;
        switch (type) {
            case "UserJoinRoom", "RoleChangeInvisible2Visible" -> change = Change.USER_JOINED;
            case "InvisibleUserJoinRoom", "RoleChangeVisible2Invisible" -> {
                change = Change.USER_JOINED;
                visibility = Visibility.INVISIBLE;
            }
            case "UserLeaveRoom" -> change = Change.USER_LEFT;
            case "InvisibleUserLeaveRoom" -> {
                change = Change.USER_LEFT;
                visibility = Visibility.INVISIBLE;
            }
            case "RoomDestroy" -> change = Change.ROOM_DESTROYED;
            case "RoomCreate" -> change = Change.ROOM_CREATED;
            default -> {
                return new Read(List.of(), type); // not a room event roomwatch uses
            }
        }
        String roomId = text(event, "RoomId", app);
        Instant at = VendorTimes.parse(TextNode.valueOf(time));
        if (at == null && event.hasNonNull("Timestamp")) {
            at = VendorTimes.parse(event.get("Timestamp"));
        }
        if (at == null) {
            throw CallbackRejected.malformed(
                    app + ": callback " + eventId + ": EventTime " + CallbackJson.quote(time) + " is not a time");
        }
        @Nullable
        String callId = event.hasNonNull("CallId") ? event.get("CallId").asText() : null;
        if (change == Change.ROOM_CREATED && (callId == null || callId.isBlank())) {
            return new Read(List.of(), type); // UNCONFIRMED: without its CallId a creation names no incarnation
        }
        String user = change.isMember() ? text(event, "UserId", app) : null;
        Pushed push = new Pushed(
                app.room(roomId),
                callId == null || callId.isBlank() ? null : callId,
                change,
                user,
                visibility,
                change == Change.ROOM_CREATED ? at : null,
                at,
                receivedAt,
                eventId,
                receipts.getAsLong());
        return new Read(List.of(push), type);
    }

    private static String text(JsonNode node, String field, AppKey app) {
        return CallbackJson.required(node, field, app + ": callback");
    }
}
