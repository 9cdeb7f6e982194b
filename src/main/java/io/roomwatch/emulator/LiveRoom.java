package io.roomwatch.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A live room of the ground truth. Mutable and not thread-safe: {@link World} guards it with its lock. */
final class LiveRoom {

    final RoomKey key;
    final String incarnation;
    final long createdAt;
    final Map<String, Object> attributes;
    final @Nullable Call call;
    final Map<String, MemberState> members = new LinkedHashMap<>();
    long viewCount;

    LiveRoom(RoomKey key, String incarnation, long createdAt, Map<String, Object> attributes, @Nullable Call call) {
        this.key = key;
        this.incarnation = incarnation;
        this.createdAt = createdAt;
        this.attributes = attributes;
        this.call = call;
    }

    RoomState state() {
        return new RoomState(key, incarnation, createdAt, viewCount, attributes, new ArrayList<>(members.values()));
    }
}
