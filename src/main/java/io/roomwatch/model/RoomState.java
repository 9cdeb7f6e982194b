package io.roomwatch.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What roomwatch remembers of one live room incarnation: enough to diff the next observation and to make event ids
 * deterministic. This is also the value stored per room in the state store.
 *
 * @param ref the room incarnation
 * @param createdAt vendor creation time, if known
 * @param members the members present, by user id
 * @param departed for users who joined this incarnation and have left: how many times they joined. Kept so that a
 *     re-join gets a new event id, while a re-emission of the same join (after a crash) gets the same one.
 * @param absent flap damping: for present members missing from the latest complete member lists, how many complete
 *     lists in a row missed them (at least 1, below the configured {@code leaveAfterMisses}). Only members currently
 *     missing are held, so it is always empty without damping ({@code leaveAfterMisses = 1}).
 */
public record RoomState(
        RoomRef ref,
        @Nullable Instant createdAt,
        Map<String, Member> members,
        Map<String, Integer> departed,
        Map<String, Integer> absent) {

    public RoomState {
        Objects.requireNonNull(ref, "ref");
        members = Map.copyOf(members);
        departed = Map.copyOf(departed);
        absent = Map.copyOf(absent);
        for (Map.Entry<String, Integer> miss : absent.entrySet()) {
            if (!members.containsKey(miss.getKey()) || miss.getValue() < 1) {
                throw new IllegalArgumentException(
                        "absent must count misses >= 1 of present members, was " + miss + " in " + ref);
            }
        }
    }

    /** A room state without missing members (no flap damping in progress). */
    public RoomState(
            RoomRef ref, @Nullable Instant createdAt, Map<String, Member> members, Map<String, Integer> departed) {
        this(ref, createdAt, members, departed, Map.of());
    }

    /** A room incarnation just created, with no members yet. */
    public static RoomState created(RoomRef ref, @Nullable Instant createdAt) {
        return new RoomState(ref, createdAt, Map.of(), Map.of(), Map.of());
    }

    /** This state with other members, and no member missing. */
    public RoomState withMembers(Map<String, Member> newMembers, Map<String, Integer> newDeparted) {
        return new RoomState(ref, createdAt, newMembers, newDeparted, Map.of());
    }

    /** This state with other members and miss counts. */
    public RoomState withMembers(
            Map<String, Member> newMembers, Map<String, Integer> newDeparted, Map<String, Integer> newAbsent) {
        return new RoomState(ref, createdAt, newMembers, newDeparted, newAbsent);
    }
}
