package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TUIRoomKit (Conference) business answers ({@code get_room_info} https://trtc.io/document/60704, {@code
 * get_room_member_list} https://trtc.io/document/60715; sample answer: seed 004 of the test resources): {@code
 * get_room_info} with {@code RoomType "Conference"} and the live {@code MemberCount}; {@code get_room_member_list}
 * paged by an offset cursor ({@code Count} default 50). The owner's {@code Role} is {@code Owner}, everyone else's
 * {@code Member}.
 */
final class TencentConference {

    private final World world;

    TencentConference(World world) {
        this.world = world;
    }

    Optional<ObjectNode> roomInfo(String app, String roomId) {
        return world.room(RoomAddress.of(Vendor.TENCENT_ROOM, app, roomId)).map(room -> {
            ObjectNode response = Json.object();
            response.set("RoomInfo", info(room));
            return response;
        });
    }

    Optional<ObjectNode> memberList(String app, TencentRequest request) {
        return world.room(RoomAddress.of(Vendor.TENCENT_ROOM, app, request.roomId()))
                .map(room -> page(room, request));
    }

    private static ObjectNode page(TrueRoom room, TencentRequest request) {
        List<MemberState> members = room.members();
        int from = Math.min(request.position().offset(), members.size());
        int to = Math.min(from + request.count(), members.size());
        ObjectNode response = Json.object().put("Next", TencentLive.next(request, to, members.size()));
        ArrayNode list = response.putArray("MemberList");
        Object owner = room.attributes().get("Owner_Account");
        for (MemberState member : members.subList(from, to)) {
            list.addObject()
                    .put("Member_Account", member.userId())
                    .put("NameCard", "")
                    .put("Role", member.userId().equals(String.valueOf(owner)) ? "Owner" : "Member")
                    .put("CustomInfo", "")
                    .putArray("Marks");
        }
        return response;
    }

    private static ObjectNode info(TrueRoom room) {
        long created = RoomInfos.createTimeSeconds(room);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("RoomId", room.key().roomId());
        defaults.put("RoomName", room.key().roomId());
        defaults.put("RoomType", "Conference");
        defaults.put("Owner_Account", "");
        defaults.put("MaxMemberCount", 300);
        defaults.put("MaxSeatCount", 16);
        defaults.put("IsVideoDisabled", false);
        defaults.put("IsAudioDisabled", false);
        defaults.put("IsMessageDisabled", false);
        defaults.put("IsScreenSharingDisabled", false);
        defaults.put("IsCloudRecordingDisabled", false);
        defaults.put("CustomInfo", "");
        defaults.put("ScheduleStartTime", created);
        defaults.put("ScheduleEndTime", created + 3600);
        defaults.put("RoomStatus", "Running");
        defaults.put("IsSeatEnabled", false);
        defaults.put("TakeSeatMode", "None");
        return RoomInfos.render(
                room,
                defaults,
                List.of(
                        Map.entry("RoomId", room.key().roomId()),
                        Map.entry("RoomType", "Conference"),
                        Map.entry("CreateTime", created),
                        Map.entry("MemberCount", room.memberCount())));
    }
}
