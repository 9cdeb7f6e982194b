package io.roomwatch.emulator.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * TUILiveKit and TUIRoomKit callbacks: URL query (https://trtc.io/document/60735: {@code SdkAppid},
 * {@code CallbackCommand}, {@code contenttype}, {@code ClientIP}, {@code OptPlatform}; plus {@code Sign} and {@code
 * RequestTime} per https://trtc.io/document/64412) and bodies ({@code Live.CallbackAfterCreateRoom}
 * https://trtc.io/document/64422, {@code Live.CallbackAfterDestroyRoom} https://trtc.io/document/64423, member state
 * https://trtc.io/document/64424; {@code Room.CallbackAfterCreateRoom} https://trtc.io/document/60733, {@code
 * Room.CallbackAfterDestroyRoom} https://trtc.io/document/60732, {@code Room.CallbackAfterMemberEnter}
 * https://trtc.io/document/60735, {@code Room.CallbackAfterMemberLeave} https://trtc.io/document/60734). Bodies carry
 * the documented fields the emulator knows; the many room settings it does not model are left out.
 */
final class TencentNotices {

    private final CallbackOptions options;

    TencentNotices(CallbackOptions options) {
        this.options = options;
    }

    /** The {@code CallbackCommand} reporting {@code change}. */
    Optional<String> command(Change change) {
        boolean live = change.vendor() == Vendor.TENCENT_LIVE;
        return Optional.of(
                switch (change.type()) {
                    case RoomCreated -> live ? "Live.CallbackAfterCreateRoom" : "Room.CallbackAfterCreateRoom";
                    case RoomDestroyed -> live ? "Live.CallbackAfterDestroyRoom" : "Room.CallbackAfterDestroyRoom";
                    case UserJoined -> live ? options.liveMemberCommand() : "Room.CallbackAfterMemberEnter";
                    case UserLeft -> live ? options.liveMemberCommand() : "Room.CallbackAfterMemberLeave";
                });
    }

    /**
     * The body.
     *
     * @param room the room's facts after the change
     * @param operator {@code Operator_Account} of room changes (the app administrator, or a made-up one when forged)
     * @param userId the member of a member change (the change's, or a made-up one when forged)
     */
    String body(Change change, String command, RoomFacts room, String operator, @Nullable String userId) {
        ObjectNode body = Json.object().put("CallbackCommand", command);
        boolean live = change.vendor() == Vendor.TENCENT_LIVE;
        switch (change.type()) {
            case RoomCreated -> {
                body.put("Operator_Account", operator);
                body.set("RoomInfo", roomInfo(change, room, live));
            }
            case RoomDestroyed -> {
                body.put("Operator_Account", operator).put("RoomId", change.roomId());
                if (live) {
                    body.put("EventType", "DestroyByUser"); // the world has no auto-dissolve (DestroyBySystem)
                    body.put("EventTime", change.timeMillis());
                    body.set("RoomInfo", roomInfo(change, room, true));
                    return Json.write(body);
                }
            }
            case UserJoined, UserLeft -> member(body, change, room, live, String.valueOf(userId));
        }
        return Json.write(body.put("EventTime", change.timeMillis()));
    }

    private static void member(ObjectNode body, Change change, RoomFacts room, boolean live, String userId) {
        boolean enter = change.type() == ChangeType.UserJoined;
        if (live) {
            body.put("RoomId", change.roomId())
                    .put("EventType", enter ? "Online" : "Offline")
                    .put("EventCause", enter ? "Enter" : "Leave");
            body.putArray("MemberList").addObject().put("Member_Account", userId);
            return;
        }
        body.put("Operator_Account", userId)
                .put("RoomId", change.roomId())
                .put("MemberCount", room.memberCount())
                .put("Type", enter ? "Enter" : "Leave");
        body.putArray("MemberList_Account").add(userId);
        if (!enter) {
            body.put("Reason", "Leave");
        }
    }

    private static ObjectNode roomInfo(Change change, RoomFacts room, boolean live) {
        return Json.object()
                .put("RoomId", change.roomId())
                .put("RoomName", room.roomName())
                .put("RoomType", live ? "Live" : "Conference")
                .put("Owner_Account", room.owner())
                .put("CreateTime", room.createTimeSeconds());
    }

    /**
     * The query of one attempt at a unix second: signed with {@code token}, or unsigned when it is null.
     *
     * @param sdkAppId decimal SDKAppID
     */
    static LongFunction<String> query(String sdkAppId, String command, @Nullable String token) {
        String fixed = "?SdkAppid=" + encode(sdkAppId) + "&CallbackCommand=" + encode(command)
                + "&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI";
        if (token == null) {
            return requestTime -> fixed;
        }
        return requestTime ->
                fixed + "&Sign=" + CallbackSigning.tencent(token, requestTime) + "&RequestTime=" + requestTime;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
