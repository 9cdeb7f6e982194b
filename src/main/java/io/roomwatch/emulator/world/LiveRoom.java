package io.roomwatch.emulator.world;

import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.TrueRoom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A live room of the ground truth. Mutable and not thread-safe: {@link World} guards it with its lock. */
final class LiveRoom {

    final RoomAddress key;
    final String incarnation;
    final long createdAt;
    final Map<String, Object> attributes;
    final @Nullable CallHistory call;
    final Map<String, MemberState> members = new LinkedHashMap<>();
    long viewCount;

    LiveRoom(
            RoomAddress key,
            String incarnation,
            long createdAt,
            Map<String, Object> attributes,
            @Nullable CallHistory call) {
        this.key = key;
        this.incarnation = incarnation;
        this.createdAt = createdAt;
        this.attributes = attributes;
        this.call = call;
    }

    TrueRoom state() {
        return new TrueRoom(key, incarnation, createdAt, viewCount, attributes, new ArrayList<>(members.values()));
    }
}
