package io.roomwatch.provider.volcengine;

import io.roomwatch.provider.StubVendor.Reply;
import io.roomwatch.provider.StubVendor.Request;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A tiny in-test ListRoomInfo/GetRoomOnlineUsers: rooms by creation time, HasMore above a cap, overridable. */
final class FakeVolcengine implements Function<Request, Reply> {

    record Room(String roomId, String callId, Instant createdAt) {}

    final List<Room> rooms = new ArrayList<>();
    final Map<String, String> onlineUsers = new ConcurrentHashMap<>();
    volatile int hasMoreAbove = Integer.MAX_VALUE;
    volatile boolean createdTimeKey;
    volatile Function<Request, Reply> override = r -> null;

    @Override
    public Reply apply(Request request) {
        Reply forced = override.apply(request);
        if (forced != null) {
            return forced;
        }
        if (request.param("Action").equals("GetRoomOnlineUsers")) {
            return Reply.ok(envelope(onlineUsers.getOrDefault(request.param("RoomId"), "{\"RoomExists\":false}")));
        }
        return Reply.ok(envelope(listRoomInfo(request)));
    }

    private String listRoomInfo(Request request) {
        Instant start = OffsetDateTime.parse(request.param("StartTime")).toInstant();
        Instant end = OffsetDateTime.parse(request.param("EndTime")).toInstant();
        List<Room> matching = rooms.stream()
                .filter(r -> !r.createdAt().isBefore(start) && !r.createdAt().isAfter(end))
                .toList();
        boolean hasMore = matching.size() > hasMoreAbove;
        List<Room> listable = hasMore ? matching.subList(0, hasMoreAbove) : matching;
        int page = Integer.parseInt(request.param("PageNum"));
        int size = Integer.parseInt(request.param("PageSize"));
        List<Room> slice =
                listable.stream().skip((long) (page - 1) * size).limit(size).toList();
        String items = slice.stream().map(this::item).collect(Collectors.joining(","));
        return "{\"Total\":" + listable.size() + ",\"PageNum\":" + page + ",\"PageSize\":" + size + ",\"HasMore\":"
                + hasMore + ",\"RoomList\":[" + items + "]}";
    }

    private String item(Room room) {
        String key = createdTimeKey ? "CreatedTime" : "CreateTime";
        return "{\"CallId\":\"" + room.callId() + "\",\"RoomId\":\"" + room.roomId() + "\",\"" + key + "\":\""
                + room.createdAt() + "\",\"DestroyTime\":\"\",\"ActiveUserNum\":1,\"IsFinished\":false}";
    }

    static String envelope(String result) {
        return "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Action\":\"A\",\"Version\":\"v\",\"Service\":\"rtc\","
                + "\"Region\":\"cn-north-1\"},\"Result\":" + result + "}";
    }

    static String error(String code, int codeN) {
        return "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Error\":{\"Code\":\"" + code + "\",\"CodeN\":" + codeN
                + ",\"Message\":\"m\"}}}";
    }
}
