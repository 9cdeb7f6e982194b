package io.roomwatch.emulator;

/** The kinds of true change the ground truth records. */
public enum ChangeType {
    RoomCreated,
    RoomDestroyed,
    UserJoined,
    UserLeft
}
