package io.roomwatch.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of one live room of the ground truth.
 *
 * @param key vendor, app and room id
 * @param incarnation Volcengine {@code CallId}, or Tencent {@code CreateTime} in unix seconds as text
 * @param createdAtMillis emulator clock at creation, epoch milliseconds
 * @param viewCount TUILiveKit {@code ViewCount} (total entries); 0 elsewhere
 * @param attributes vendor room fields the emulator only stores and echoes (e.g. {@code RoomName}, {@code CoverURL})
 * @param members current members in join order
 */
public record TrueRoom(
        RoomAddress key,
        String incarnation,
        long createdAtMillis,
        long viewCount,
        Map<String, Object> attributes,
        List<MemberState> members) {

    public TrueRoom {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        members = List.copyOf(members);
    }

    /** Number of members, visible or not. */
    public int memberCount() {
        return members.size();
    }
}
