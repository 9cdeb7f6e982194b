package io.roomwatch.model;

import java.util.Objects;

/**
 * A member as remembered in {@link RoomState}.
 *
 * @param visibility the visibility last observed
 * @param joins how many times this user has joined this room incarnation, this presence included (1 for a first
 *     join); it makes the ids of this join and of the matching leave deterministic and distinct from any re-join
 */
public record Member(Visibility visibility, int joins) {

    public Member {
        Objects.requireNonNull(visibility, "visibility");
        if (joins < 1) {
            throw new IllegalArgumentException("joins must be >= 1, was " + joins);
        }
    }

    /** This member with another visibility and the same join. */
    public Member withVisibility(Visibility newVisibility) {
        return new Member(newVisibility, joins);
    }
}
