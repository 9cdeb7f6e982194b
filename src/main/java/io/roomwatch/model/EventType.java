package io.roomwatch.model;

/** The four change events, with their spellings on the wire. */
public enum EventType {
    ROOM_CREATED("RoomCreated", "io.roomwatch.room.created.v1"),
    ROOM_DESTROYED("RoomDestroyed", "io.roomwatch.room.destroyed.v1"),
    USER_JOINED("UserJoined", "io.roomwatch.user.joined.v1"),
    USER_LEFT("UserLeft", "io.roomwatch.user.left.v1");

    private final String wireName;
    private final String cloudEventType;

    EventType(String wireName, String cloudEventType) {
        this.wireName = wireName;
        this.cloudEventType = cloudEventType;
    }

    /** The {@code type} field of the JSON value, e.g. {@code UserJoined}. */
    public String wireName() {
        return wireName;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.roomwatch.user.joined.v1}. */
    public String cloudEventType() {
        return cloudEventType;
    }
}
