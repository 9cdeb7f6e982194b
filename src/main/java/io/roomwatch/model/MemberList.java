package io.roomwatch.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The members of one room incarnation as listed by one member poll. The poller names the incarnation it believed
 * was live when it asked: vendors' member APIs do not say which incarnation they answer for, and a list taken for an
 * incarnation that has since been replaced is stale and ignored.
 *
 * @param room the incarnation that was polled
 * @param completeness {@link Completeness#COMPLETE} if every member was listed; otherwise members are only added
 * @param members user id to visibility
 * @param observedAt when the list was received
 */
public record MemberList(RoomRef room, Completeness completeness, Map<String, Visibility> members, Instant observedAt)
        implements Observation {

    public MemberList {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(completeness, "completeness");
        Objects.requireNonNull(observedAt, "observedAt");
        members = Map.copyOf(members);
    }
}
