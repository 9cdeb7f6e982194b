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
 * @param evidence for users whose presence (or absence) changed recently: the earliest moment the observation that
 *     set it can have shown (a callback: the vendor's exact time of the change; a poll: the start of its answer's
 *     span). An observation about the user counts only if it can show a moment no earlier than this, so a poll whose
 *     data may predate a pushed leave never re-joins the user, and a late callback never undoes newer poll evidence.
 *     Entries are dropped once older than {@link #EVIDENCE_WINDOW}, beyond which callbacks no longer arrive.
 */
public record RoomState(
        RoomRef ref,
        @Nullable Instant createdAt,
        Map<String, Member> members,
        Map<String, Integer> departed,
        Map<String, Integer> absent,
        Map<String, Instant> evidence) {

    /**
     * How long evidence times are kept: vendors give up re-delivering a callback within a minute (Tencent) or three
     * tries (Volcengine), and a poll's span reaches back at most one snapshot refresh (40 s); five minutes covers both.
     */
    public static final java.time.Duration EVIDENCE_WINDOW = java.time.Duration.ofMinutes(5);

    public RoomState {
        Objects.requireNonNull(ref, "ref");
        members = Map.copyOf(members);
        departed = Map.copyOf(departed);
        absent = Map.copyOf(absent);
        evidence = Map.copyOf(evidence);
        for (Map.Entry<String, Integer> miss : absent.entrySet()) {
            if (!members.containsKey(miss.getKey()) || miss.getValue() < 1) {
                throw new IllegalArgumentException(
                        "absent must count misses >= 1 of present members, was " + miss + " in " + ref);
            }
        }
    }

    /** A room state without missing members (no flap damping in progress) and no recent evidence. */
    public RoomState(
            RoomRef ref, @Nullable Instant createdAt, Map<String, Member> members, Map<String, Integer> departed) {
        this(ref, createdAt, members, departed, Map.of(), Map.of());
    }

    /** A room state without recent evidence times. */
    public RoomState(
            RoomRef ref,
            @Nullable Instant createdAt,
            Map<String, Member> members,
            Map<String, Integer> departed,
            Map<String, Integer> absent) {
        this(ref, createdAt, members, departed, absent, Map.of());
    }

    /** A room incarnation just created, with no members yet. */
    public static RoomState created(RoomRef ref, @Nullable Instant createdAt) {
        return new RoomState(ref, createdAt, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** This state with other members, no member missing, and the same evidence. */
    public RoomState withMembers(Map<String, Member> newMembers, Map<String, Integer> newDeparted) {
        return new RoomState(ref, createdAt, newMembers, newDeparted, Map.of(), evidence);
    }

    /** This state with other members and miss counts, and the same evidence. */
    public RoomState withMembers(
            Map<String, Member> newMembers, Map<String, Integer> newDeparted, Map<String, Integer> newAbsent) {
        return new RoomState(ref, createdAt, newMembers, newDeparted, newAbsent, evidence);
    }

    /** This state with other members, miss counts and evidence times. */
    public RoomState withMembers(
            Map<String, Member> newMembers,
            Map<String, Integer> newDeparted,
            Map<String, Integer> newAbsent,
            Map<String, Instant> newEvidence) {
        return new RoomState(ref, createdAt, newMembers, newDeparted, newAbsent, newEvidence);
    }
}
