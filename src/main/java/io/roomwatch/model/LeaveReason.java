package io.roomwatch.model;

/** Why a {@link UserLeft} was emitted. */
public enum LeaveReason {
    /** The member was no longer listed in a complete member list. */
    LEFT("left"),
    /** The room incarnation ended while the member was still present; emitted before {@link RoomDestroyed}. */
    ROOM_DESTROYED("room-destroyed");

    private final String id;

    LeaveReason(String id) {
        this.id = id;
    }

    /** The wire spelling. */
    public String id() {
        return id;
    }
}
