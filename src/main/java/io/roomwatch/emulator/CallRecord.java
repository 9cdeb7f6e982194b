package io.roomwatch.emulator;

import org.jspecify.annotations.Nullable;

/**
 * One Volcengine call session (a room's incarnation), as {@code ListRoomInfo} shows it at some moment.
 *
 * @param appId app
 * @param callId {@code CallId}
 * @param roomId {@code RoomId}
 * @param createdAtMillis creation, epoch milliseconds
 * @param destroyedAtMillis end, or null while the call is running (at the moment viewed)
 * @param activeUsers members at the moment viewed
 */
public record CallRecord(
        String appId,
        String callId,
        String roomId,
        long createdAtMillis,
        @Nullable Long destroyedAtMillis,
        int activeUsers) {

    /** True once the call ended. */
    public boolean finished() {
        return destroyedAtMillis != null;
    }
}
