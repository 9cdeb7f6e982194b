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
 * @param dataFrom the earliest moment the answer may show (see {@link MemberList#dataFrom()})
 * @param observedAt when the answer was received
 */
public record RoomGone(RoomRef room, @Nullable Instant endedAt, Instant dataFrom, Instant observedAt)
        implements Observation {

    public RoomGone {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(dataFrom, "dataFrom");
        Objects.requireNonNull(observedAt, "observedAt");
        if (dataFrom.isAfter(observedAt)) {
            throw new IllegalArgumentException("dataFrom " + dataFrom + " after observedAt " + observedAt);
        }
    }

    /** Evidence whose data is as of when it was received (tests, tools, vendor listings). */
    public RoomGone(RoomRef room, @Nullable Instant endedAt, Instant observedAt) {
        this(room, endedAt, observedAt, observedAt);
    }
}
