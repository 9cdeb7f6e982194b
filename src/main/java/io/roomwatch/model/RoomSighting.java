package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One room incarnation as listed by a room sweep.
 *
 * @param roomId the vendor's room id
 * @param incarnation the vendor's session identity (Volcengine {@code CallId}, Tencent {@code CreateTime})
 * @param createdAt vendor creation time, if the vendor gives one; used as {@code occurredAt} and to tell an older
 *     incarnation from a newer one
 * @param finished whether the vendor says this incarnation has ended (Volcengine {@code IsFinished})
 * @param endedAt vendor end time, if given (Volcengine {@code DestroyTime})
 */
public record RoomSighting(
        String roomId, String incarnation, @Nullable Instant createdAt, boolean finished, @Nullable Instant endedAt) {

    public RoomSighting {
        Ids.requireId(roomId, "roomId");
        Ids.requireId(incarnation, "incarnation");
        if (endedAt != null && !finished) {
            throw new IllegalArgumentException("endedAt given for a room that is not finished: " + roomId);
        }
    }

    /** A running room. */
    public static RoomSighting live(String roomId, String incarnation, @Nullable Instant createdAt) {
        return new RoomSighting(roomId, incarnation, createdAt, false, null);
    }

    /** A room the vendor reports as ended. */
    public static RoomSighting ended(
            String roomId, String incarnation, @Nullable Instant createdAt, @Nullable Instant endedAt) {
        return new RoomSighting(roomId, incarnation, createdAt, true, endedAt);
    }

    /** Orders the incarnations of one room id by creation time (unknown first), then by incarnation. */
    static int byCreation(RoomSighting a, RoomSighting b) {
        int byTime = Objects.compare(a.createdAt, b.createdAt, Instants::compareNullsFirst);
        return byTime != 0 ? byTime : a.incarnation.compareTo(b.incarnation);
    }
}
