package io.roomwatch.provider.volcengine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code Result} objects we read, field names as on the wire (UpperCamelCase). Unknown fields are ignored. */
final class VolcengineDtos {

    private VolcengineDtos() {}

    /** One {@code ListRoomInfo} page (version 2020-12-01). */
    record RoomPage(
            @Nullable Integer total,
            @Nullable Integer pageNum,
            @Nullable Integer pageSize,
            @Nullable Boolean hasMore,
            @Nullable List<RoomItem> roomList) {

        List<RoomItem> rooms() {
            return roomList == null ? List.of() : roomList;
        }

        boolean more() {
            return Boolean.TRUE.equals(hasMore);
        }
    }

    /** One call session; the docs show {@code CreateTime}, the official Go SDK models {@code CreatedTime}. */
    record RoomItem(
            @Nullable String callId,
            @Nullable String roomId,
            @Nullable String createTime,
            @Nullable String createdTime,
            @Nullable String destroyTime,
            @Nullable Integer activeUserNum,
            @Nullable Boolean isFinished) {

        @Nullable
        String creation() {
            return createTime != null && !createTime.isEmpty() ? createTime : createdTime;
        }
    }

    /** {@code GetRoomOnlineUsers} (version 2023-11-01, {@code Property=false}). */
    record OnlineUsers(
            @Nullable Boolean roomExists,
            @Nullable Integer totalUser,
            @Nullable Integer totalInvisibleUser,
            @Nullable List<String> visibleUserList,
            @Nullable List<String> invisibleUserList) {

        List<String> visible() {
            return visibleUserList == null ? List.of() : visibleUserList;
        }

        List<String> invisible() {
            return invisibleUserList == null ? List.of() : invisibleUserList;
        }
    }
}
