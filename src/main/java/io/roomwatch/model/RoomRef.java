package io.roomwatch.model;

import java.util.Objects;

/**
 * One incarnation of a room: a room id re-used after the room ended is a new room. The incarnation is the vendor's
 * own session identity: Volcengine's {@code CallId}, Tencent's {@code CreateTime} (unix seconds, as a string).
 *
 * @param key the room id within its app
 * @param incarnation the vendor's session identity of this room instance
 */
public record RoomRef(RoomKey key, String incarnation) {

    public RoomRef {
        Objects.requireNonNull(key, "key");
        Ids.requireId(incarnation, "incarnation");
    }

    @Override
    public String toString() {
        return key + "#" + incarnation;
    }
}
