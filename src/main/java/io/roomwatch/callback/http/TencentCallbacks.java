package io.roomwatch.callback.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.config.Secret;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.Pushed.Change;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.http.VendorTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads and verifies Tencent TUILiveKit and TUIRoomKit callbacks (https://trtc.io/document/60704 for the common
 * format and the token signature; https://trtc.io/document/66880 TUILiveKit and https://trtc.io/document/60705
 * TUIRoomKit for the bodies). Pure; any thread.
 *
 * <ul>
 *   <li>Query: {@code SdkAppid} must be the path's app; {@code Sign = sha256(Token + RequestTime)} with {@code
 *       RequestTime} (unix seconds) within {@code replayWindow} of roomwatch's clock. TUIRoomKit does not document its
 *       signature (UNCONFIRMED): the same token scheme is required.
 *   <li>TUILiveKit: {@code Live.CallbackAfterCreateRoom} (the incarnation is {@code RoomInfo.CreateTime}), {@code
 *       Live.CallbackAfterDestroyRoom}, member state changes under both documented spellings ({@code
 *       Live.CallbackAfterMemberStateChanged}, {@code Live.CallbackMemberStateChanged}): {@code EventType} {@code
 *       Online}/{@code Offline} for every {@code MemberList[].Member_Account}.
 *   <li>TUIRoomKit: {@code Room.CallbackAfterCreateRoom}, {@code Room.CallbackAfterDestroyRoom}, {@code
 *       Room.CallbackAfterMemberEnter}/{@code Leave} for every {@code MemberList_Account[]}.
 *   <li>The moment is {@code EventTime} (milliseconds); other commands are answered with success and ignored.
 * </ul>
 */
final class TencentCallbacks {

    private TencentCallbacks() {}

    /**
     * @param query the callback URL's query parameters
     * @throws CallbackRejected for a callback that is unsigned, wrongly signed, too old or new, another app's, or not
     *     in the vendor's format
     */
    static Read read(
            AppKey app,
            Secret token,
            Map<String, String> query,
            byte[] body,
            Instant receivedAt,
            Duration replayWindow,
            LongSupplier receipts) {
        verify(app, token, query, receivedAt, replayWindow);
        JsonNode root = CallbackJson.object(body, app + ": callback body");
        String command = query.getOrDefault(
                "CallbackCommand", root.path("CallbackCommand").asText(""));
        if (command.isBlank()) {
            throw CallbackRejected.malformed(app + ": callback names no CallbackCommand");
        }
        boolean live = app.provider() == Provider.TENCENT_LIVE;
        String id = command + "@" + root.path("EventTime").asText("?");
        List<Pushed> pushes = new ArrayList<>();
        switch (command) {
            case "Live.CallbackAfterCreateRoom", "Room.CallbackAfterCreateRoom" -> {
                if (live != command.startsWith("Live.")) {
                    return new Read(List.of(), command);
                }
                JsonNode info = object(root, "RoomInfo", app, command);
                String roomId = id(info, "RoomId", app, command);
                Instant created = time(info, "CreateTime", app, command);
                String incarnation = Long.toString(created.getEpochSecond());
                Instant at = eventTime(root, created);
                pushes.add(new Pushed(
                        app.room(roomId),
                        incarnation,
                        Change.ROOM_CREATED,
                        null,
                        Visibility.VISIBLE,
                        Instant.ofEpochSecond(created.getEpochSecond()),
                        at,
                        receivedAt,
                        id,
                        receipts.getAsLong()));
            }
            case "Live.CallbackAfterDestroyRoom", "Room.CallbackAfterDestroyRoom" -> {
                if (live != command.startsWith("Live.")) {
                    return new Read(List.of(), command);
                }
                JsonNode info = root.path("RoomInfo");
                String roomId =
                        root.hasNonNull("RoomId") ? id(root, "RoomId", app, command) : id(info, "RoomId", app, command);
                Instant created = info.hasNonNull("CreateTime") ? VendorTimes.parse(info.get("CreateTime")) : null;
                pushes.add(new Pushed(
                        app.room(roomId),
                        created == null ? null : Long.toString(created.getEpochSecond()),
                        Change.ROOM_DESTROYED,
                        null,
                        Visibility.VISIBLE,
                        null,
                        time(root, "EventTime", app, command),
                        receivedAt,
                        id,
                        receipts.getAsLong()));
            }
            case "Live.CallbackAfterMemberStateChanged", "Live.CallbackMemberStateChanged" -> {
                if (!live) {
                    return new Read(List.of(), command);
                }
                String roomId = id(root, "RoomId", app, command);
                String state = root.path("EventType").asText("");
                Change change =
                        switch (state) {
                            case "Online" -> Change.USER_JOINED;
                            case "Offline" -> Change.USER_LEFT;
                            default -> throw CallbackRejected.malformed(app + ": " + command + " EventType "
                                    + CallbackJson.quote(state) + " is neither Online nor Offline");
                        };
                Instant at = time(root, "EventTime", app, command);
                JsonNode members = root.path("MemberList");
                for (JsonNode member : members) {
                    String user = id(member, "Member_Account", app, command);
                    pushes.add(Pushed.member(
                            app.room(roomId),
                            change,
                            user,
                            Visibility.VISIBLE,
                            at,
                            receivedAt,
                            id,
                            receipts.getAsLong()));
                }
            }
            case "Room.CallbackAfterMemberEnter", "Room.CallbackAfterMemberLeave" -> {
                if (live) {
                    return new Read(List.of(), command);
                }
                String roomId = id(root, "RoomId", app, command);
                Change change = command.endsWith("Enter") ? Change.USER_JOINED : Change.USER_LEFT;
                Instant at = time(root, "EventTime", app, command);
                for (JsonNode member : root.path("MemberList_Account")) {
                    if (!member.isTextual() || member.asText().isBlank()) {
                        throw CallbackRejected.malformed(
                                app + ": " + command + " MemberList_Account has a non-id item");
                    }
                    pushes.add(Pushed.member(
                            app.room(roomId),
                            change,
                            member.asText(),
                            Visibility.VISIBLE,
                            at,
                            receivedAt,
                            id,
                            receipts.getAsLong()));
                }
            }
            default -> {
                return new Read(List.of(), command);
            }
        }
        return new Read(pushes, command);
    }

    private static void verify(
            AppKey app, Secret token, Map<String, String> query, Instant receivedAt, Duration replayWindow) {
        String sdkAppId = query.get("SdkAppid");
        String sign = query.get("Sign");
        String requestTime = query.get("RequestTime");
        if (sign == null || requestTime == null) {
            throw CallbackRejected.unauthenticated(app + ": callback without Sign and RequestTime (enable the callback"
                    + " token in the vendor's console)");
        }
        if (!Signatures.matches(Signatures.tencent(token.reveal(), requestTime), sign)) {
            throw CallbackRejected.unauthenticated(app + ": callback has a wrong Sign");
        }
        long seconds;
        try {
            seconds = Long.parseLong(requestTime.trim());
        } catch (NumberFormatException e) {
            throw CallbackRejected.unauthenticated(
                    app + ": callback RequestTime " + CallbackJson.quote(requestTime) + " is not unix seconds");
        }
        Duration off =
                Duration.between(Instant.ofEpochSecond(seconds), receivedAt).abs();
        if (off.compareTo(replayWindow) > 0) {
            throw CallbackRejected.unauthenticated(app + ": callback RequestTime is " + off.toSeconds()
                    + " s from now, outside callbacks.replayWindow: a replay or a skewed clock");
        }
        if (sdkAppId != null && !sdkAppId.equals(app.appId())) {
            throw CallbackRejected.unknownApp(
                    app + ": callback is for SdkAppid " + CallbackJson.quote(sdkAppId) + ", not this path's app");
        }
    }

    private static JsonNode object(JsonNode root, String field, AppKey app, String command) {
        JsonNode value = root.get(field);
        if (value == null || !value.isObject()) {
            throw CallbackRejected.malformed(app + ": " + command + " has no " + field + " object");
        }
        return value;
    }

    private static String id(JsonNode node, String field, AppKey app, String command) {
        return CallbackJson.required(node, field, app + ": " + command);
    }

    private static Instant time(JsonNode node, String field, AppKey app, String command) {
        JsonNode value = node.get(field);
        Instant time = value == null ? null : VendorTimes.parse(value);
        if (time == null) {
            throw CallbackRejected.malformed(app + ": " + command + " field " + field + " is missing or not a time");
        }
        return time;
    }

    private static Instant eventTime(JsonNode root, Instant fallback) {
        JsonNode value = root.get("EventTime");
        @Nullable Instant time = value == null ? null : VendorTimes.parse(value);
        return time == null ? fallback : time;
    }
}
