package io.roomwatch.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The members of one room incarnation as listed by one member poll. The poller names the incarnation it believed
 * was live when it asked: vendors' member APIs do not say which incarnation they answer for, and a list taken for an
 * incarnation that has since been replaced is stale and ignored.
 *
 * <p>The answer shows the room at one moment between {@code dataFrom} and {@code observedAt}: a live API's answer at
 * some moment between sending the request and receiving the answer, a snapshot API's (TUILiveKit refreshes its
 * member lists every 40 s) up to its refresh period earlier. The engine attributes the list to an incarnation only
 * once that incarnation is known to have been the room's only one over that whole span.
 *
 * @param room the incarnation that was polled
 * @param completeness {@link Completeness#COMPLETE} if every member was listed; otherwise members are only added
 * @param members user id to visibility
 * @param dataFrom the earliest moment the answer may show
 * @param observedAt when the list was received
 */
public record MemberList(
        RoomRef room, Completeness completeness, Map<String, Visibility> members, Instant dataFrom, Instant observedAt)
        implements Observation {

    public MemberList {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(completeness, "completeness");
        Objects.requireNonNull(dataFrom, "dataFrom");
        Objects.requireNonNull(observedAt, "observedAt");
        members = Map.copyOf(members);
        if (dataFrom.isAfter(observedAt)) {
            throw new IllegalArgumentException("dataFrom " + dataFrom + " after observedAt " + observedAt);
        }
    }

    /** A list whose data is as of when it was received (tests, tools). */
    public MemberList(RoomRef room, Completeness completeness, Map<String, Visibility> members, Instant observedAt) {
        this(room, completeness, members, observedAt, observedAt);
    }

    /** The same answer attributed to {@code other} (an incarnation the engine proved was live over its whole span). */
    public MemberList attributedTo(RoomRef other) {
        return new MemberList(other, completeness, members, dataFrom, observedAt);
    }
}
