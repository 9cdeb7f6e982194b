package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change a vendor pushed to roomwatch (a callback), as an observation: it goes through the same attribution and
 * differ as what polls see, so a change seen first by callback and then by a poll yields one event. Unlike a poll's
 * answer, it tells the exact vendor time of the change ({@link #at()}), which decides whether it is newer than what
 * roomwatch already knows of the member (see {@link RoomState#evidence()}).
 *
 * <p>Vendors name the incarnation in room-level callbacks (Tencent's {@code CreateTime} in {@code RoomInfo}); member
 * callbacks name only the room id, so those are attributed like a poll's answer whose span is the single moment
 * {@link #at()}.
 *
 * @param room the room id
 * @param incarnation the incarnation the vendor names, if it does
 * @param change what happened
 * @param userId the user, for member changes; {@code null} for room changes
 * @param visibility the user's visibility (Volcengine invisible users have callbacks of their own)
 * @param createdAt for {@link Change#ROOM_CREATED}: the vendor's creation time, if given
 * @param at the vendor's time of the change
 * @param observedAt when roomwatch received it
 * @param callbackId the vendor's id of the callback (Volcengine {@code EventId}), for logs; duplicates share it
 * @param receipt roomwatch's number for this delivery, unique per delivery (a vendor retry is another delivery)
 */
public record Pushed(
        RoomKey room,
        @Nullable String incarnation,
        Change change,
        @Nullable String userId,
        Visibility visibility,
        @Nullable Instant createdAt,
        Instant at,
        Instant observedAt,
        String callbackId,
        long receipt)
        implements Observation {

    /** What a callback says happened. */
    public enum Change {
        ROOM_CREATED,
        ROOM_DESTROYED,
        USER_JOINED,
        USER_LEFT;

        /** Whether the change is about one member. */
        public boolean isMember() {
            return this == USER_JOINED || this == USER_LEFT;
        }
    }

    public Pushed {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(callbackId, "callbackId");
        if (change.isMember()) {
            Ids.requireId(userId, "userId");
        } else if (userId != null) {
            throw new IllegalArgumentException("a room change names no user: " + change + " " + userId);
        }
        if (change == Change.ROOM_CREATED && incarnation == null) {
            throw new IllegalArgumentException("a room creation must name its incarnation: " + room);
        }
        if (incarnation != null) {
            Ids.requireId(incarnation, "incarnation");
        }
    }

    /** A member change pushed without naming the incarnation. */
    public static Pushed member(
            RoomKey room,
            Change change,
            String userId,
            Visibility visibility,
            Instant at,
            Instant observedAt,
            String callbackId,
            long receipt) {
        return new Pushed(room, null, change, userId, visibility, null, at, observedAt, callbackId, receipt);
    }

    /** The incarnation this push is about, once attributed to {@code ref}. */
    public Pushed attributedTo(RoomRef ref) {
        return new Pushed(
                room, ref.incarnation(), change, userId, visibility, createdAt, at, observedAt, callbackId, receipt);
    }
}
