package io.roomwatch.emulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to create.
 *
 * @param key vendor, app, room id
 * @param callId Volcengine {@code CallId} to use; null = generated. Ignored for Tencent (incarnation = CreateTime)
 * @param attributes stored vendor fields ({@code RoomName}, {@code Owner_Account}, ...); a {@code ViewCount} entry
 *     sets the initial TUILiveKit ViewCount. Computed fields ({@code RoomId}, {@code RoomType}, {@code CreateTime},
 *     {@code MemberCount}) cannot be overridden.
 */
public record RoomSpec(RoomAddress key, @Nullable String callId, Map<String, Object> attributes) {

    public RoomSpec {
        attributes = Map.copyOf(attributes);
    }

    /** A room with generated ids and default attributes. */
    public static RoomSpec of(Vendor vendor, String app, String roomId) {
        return new RoomSpec(RoomAddress.of(vendor, app, roomId), null, Map.of());
    }

    public RoomSpec withCallId(String callId) {
        return new RoomSpec(key, callId, attributes);
    }

    public RoomSpec withAttributes(Map<String, Object> attributes) {
        return new RoomSpec(key, callId, attributes);
    }
}
