package io.roomwatch.model;

/**
 * How cautiously member answers are attributed to room incarnations (see {@code io.roomwatch.diff.Attribution}).
 */
public enum AttributionMode {
    /**
     * Every member answer that would change something waits until the room side proves which incarnation it belongs
     * to. The default: no event is ever attributed to the wrong incarnation, at the cost of latency (Volcengine: its
     * listing delay plus a sweep).
     */
    SAFE,
    /**
     * Only answers with a sign of an incarnation change wait (a room's first answer after discovery, a room gone, an
     * empty room, a whole new membership); the others are diffed at once. Faster; a room re-created by the same people
     * within the listing delay can still have members attributed to the old incarnation for that long.
     */
    EAGER
}
