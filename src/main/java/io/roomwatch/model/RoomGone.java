package io.roomwatch.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Positive evidence that a room incarnation has ended: Volcengine {@code RoomExists=false}, Tencent error
 * {@code 100004}, or a finished room seen outside a sweep.
 *
 * @param room the incarnation the poller asked about; a newer incarnation of the same room id is unaffected
 * @param endedAt vendor end time, if known
 * @param observedAt when the answer was received
 */
public record RoomGone(RoomRef room, @Nullable Instant endedAt, Instant observedAt) implements Observation {

    public RoomGone {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
