package io.roomwatch.model;

import java.util.Objects;

/**
 * A room id within one app, independent of incarnation. This is the Kafka record key, so all events of one room
 * (across its incarnations) land in one partition, in order.
 *
 * @param app the app the room belongs to
 * @param roomId the vendor's room id
 */
public record RoomKey(AppKey app, String roomId) implements Comparable<RoomKey> {

    public RoomKey {
        Objects.requireNonNull(app, "app");
        Ids.requireId(roomId, "roomId");
    }

    @Override
    public int compareTo(RoomKey other) {
        int byApp = app.compareTo(other.app);
        return byApp != 0 ? byApp : roomId.compareTo(other.roomId);
    }

    /** {@code provider/appId/roomId}: the Kafka record key. */
    @Override
    public String toString() {
        return app + "/" + roomId;
    }
}
