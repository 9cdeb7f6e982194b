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
 */
public record RoomState(
        RoomRef ref, @Nullable Instant createdAt, Map<String, Member> members, Map<String, Integer> departed) {

    public RoomState {
        Objects.requireNonNull(ref, "ref");
        members = Map.copyOf(members);
        departed = Map.copyOf(departed);
    }

    /** A room incarnation just created, with no members yet. */
    public static RoomState created(RoomRef ref, @Nullable Instant createdAt) {
        return new RoomState(ref, createdAt, Map.of(), Map.of());
    }

    /** This state with other members. */
    public RoomState withMembers(Map<String, Member> newMembers, Map<String, Integer> newDeparted) {
        return new RoomState(ref, createdAt, newMembers, newDeparted);
    }
}
