package io.roomwatch.emulator.tencent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.http.Json;
import io.roomwatch.emulator.world.World;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TUILiveKit business answers ({@code get_room_list} https://trtc.io/document/63421, {@code get_room_info}
 * https://trtc.io/document/63420, {@code get_member_list} https://trtc.io/document/66908; sample answers: seeds 002 and
 * 003 of the test resources). {@code get_room_list} lists public rooms by ViewCount descending (ties: older first, then
 * RoomId) behind an offset cursor, so a re-ordering between pages shows up as duplicates and skips. {@code
 * get_member_list} serves a snapshot refreshed at most every {@code tencentLiveMemberRefreshMillis}, returns at most
 * {@code liveMemberCap} members over all pages, and {@code MemberCount} is the snapshot's full size.
 */
final class TencentLive {

    private static final Comparator<TrueRoom> BY_VIEWS = Comparator.comparingLong(TrueRoom::viewCount)
            .reversed()
            .thenComparingLong(TrueRoom::createdAtMillis)
            .thenComparing(r -> r.key().roomId());

    private static final List<String> LIST_FIELDS = List.of(
            "RoomName", "RoomId", "Owner_Account", "CoverURL", "Category", "CreateTime", "ActivityStatus", "ViewCount");

    private final World world;
    private final EmulatorConfig config;

    TencentLive(World world, EmulatorConfig config) {
        this.world = world;
        this.config = config;
    }

    ObjectNode roomList(String app, TencentRequest request) {
        List<TrueRoom> ordered = world.rooms(Vendor.TENCENT_LIVE, app).stream()
                .filter(TencentLive::isPublic)
                .sorted(BY_VIEWS)
                .toList();
        int from = Math.min(request.position().offset(), ordered.size());
        int to = Math.min(from + request.count(), ordered.size());
        ObjectNode response = Json.object().put("Next", next(request, to, ordered.size()));
        ArrayNode list = response.putArray("RoomList");
        ordered.subList(from, to).forEach(room -> list.add(info(room).retain(LIST_FIELDS)));
        return response;
    }

    Optional<ObjectNode> roomInfo(String app, String roomId) {
        return world.room(RoomAddress.of(Vendor.TENCENT_LIVE, app, roomId)).map(room -> {
            ObjectNode response = Json.object();
            response.set("RoomInfo", info(room));
            return response;
        });
    }

    Optional<ObjectNode> memberList(String app, TencentRequest request) {
        RoomAddress key = RoomAddress.of(Vendor.TENCENT_LIVE, app, request.roomId());
        long refresh = config.staleness().tencentLiveMemberRefreshMillis();
        return world.memberSnapshot(key, refresh).map(members -> memberPage(members, request));
    }

    private ObjectNode memberPage(List<String> members, TencentRequest request) {
        List<String> listable =
                members.subList(0, Math.min(members.size(), config.limits().liveMemberCap()));
        int from = Math.min(request.position().offset(), listable.size());
        int to = Math.min(from + request.count(), listable.size());
        ObjectNode response =
                Json.object().put("Next", next(request, to, listable.size())).put("MemberCount", members.size());
        ArrayNode list = response.putArray("MemberList");
        listable.subList(from, to).forEach(userId -> list.addObject().put("Member_Account", userId));
        return response;
    }

    static String next(TencentRequest request, int end, int size) {
        return end < size
                ? Cursors.encode(new Cursors.Position(request.position().page() + 1, end))
                : "";
    }

    private static ObjectNode info(TrueRoom room) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("RoomId", room.key().roomId());
        defaults.put("RoomName", room.key().roomId());
        defaults.put("RoomType", "Live");
        defaults.put("Owner_Account", "");
        defaults.put("CreateTime", 0);
        defaults.put("IsSeatEnabled", true);
        defaults.put("TakeSeatMode", "ApplyToTake");
        defaults.put("MaxSeatCount", 8);
        defaults.put("MaxMemberCount", 300);
        defaults.put("IsMessageDisabled", false);
        defaults.put("CoverURL", "");
        defaults.put("Category", List.of());
        defaults.put("ActivityStatus", 0);
        defaults.put("ViewCount", 0);
        defaults.put("IsPublicVisible", true);
        return RoomInfos.render(
                room,
                defaults,
                List.of(
                        Map.entry("RoomId", room.key().roomId()),
                        Map.entry("RoomType", "Live"),
                        Map.entry("CreateTime", RoomInfos.createTimeSeconds(room)),
                        Map.entry("ViewCount", room.viewCount())));
    }

    private static boolean isPublic(TrueRoom room) {
        // IsPublicVisible is "used for retrieving the live room list": hidden rooms are left out (UNCONFIRMED)
        return !Boolean.FALSE.equals(room.attributes().get("IsPublicVisible"));
    }
}
