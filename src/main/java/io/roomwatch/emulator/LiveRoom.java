package io.roomwatch.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private @Nullable List<String> memberSnapshot;
    private long snapshotAt;

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

    /** The member list as a vendor that refreshes it every {@code refreshMillis} would serve it at {@code now}. */
    List<String> memberSnapshot(long now, long refreshMillis) {
        if (memberSnapshot == null || now - snapshotAt >= refreshMillis) {
            memberSnapshot = List.copyOf(members.keySet());
            snapshotAt = now;
        }
        return memberSnapshot;
    }
}
