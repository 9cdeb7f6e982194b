package io.roomwatch.diff;

import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Origin;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The differ: a pure, deterministic function from (remembered state, observation) to a {@link Transition}.
 *
 * <p>Rules, in the order they matter:
 *
 * <ol>
 *   <li>A new room incarnation yields {@code RoomCreated} before any {@code UserJoined} in it.
 *   <li>Only a complete observation removes by absence: a partial or truncated one never yields {@code RoomDestroyed}
 *       or {@code UserLeft} for what it does not show. A failed fetch yields no observation at all.
 *   <li>Positive evidence ends a room whatever the completeness: a finished incarnation, a newer incarnation of the
 *       same room id, or a {@link RoomGone}.
 *   <li>A destroyed room first yields {@code UserLeft} (reason {@code room-destroyed}) for every member still
 *       present, then {@code RoomDestroyed}.
 *   <li>Same room id with a newer incarnation: the old one is destroyed (rule 4), then the new one created.
 *   <li>Output order is deterministic: rooms by id, incarnations by creation time, members by user id, leaves before
 *       joins.
 * </ol>
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class SnapshotDiff {

    private SnapshotDiff() {}

    /** Diffs a room sweep of {@code state}'s app. Sightings of an incarnation that already ended are ignored. */
    public static Transition sweep(AppState state, RoomSweep sweep) {
        Emitter out = new Emitter(sweep.observedAt());
        Map<String, List<RoomSighting>> byRoom = sweep.rooms().stream()
                .collect(Collectors.groupingBy(RoomSighting::roomId, TreeMap::new, Collectors.toList()));
        TreeSet<String> roomIds = new TreeSet<>(byRoom.keySet());
        if (sweep.completeness().provesAbsence()) {
            roomIds.addAll(state.live().keySet());
        }
        for (String roomId : roomIds) {
            new RoomHistory(state, roomId, out).apply(byRoom.getOrDefault(roomId, List.of()), sweep);
        }
        return out.transition(sweep.listedUntil());
    }

    /**
     * Diffs a member list of {@code room} without flap damping: a member missing from one complete list has left. A
     * list taken for another incarnation is stale and changes nothing. A visibility change updates the state without an
     * event: the member is still present.
     */
    public static Transition members(RoomState room, MemberList list) {
        return members(room, list, 1);
    }

    /**
     * Diffs a member list of {@code room} with flap damping: a member missing from a complete list leaves only once
     * {@code leaveAfterMisses} complete lists in a row have missed them; any sighting, in any list, resets the count.
     * The count lives in {@link RoomState#absent()}. Partial and truncated lists only add and reset, never count a miss.
     *
     * @param leaveAfterMisses K, at least 1; 1 means no damping
     */
    public static Transition members(RoomState room, MemberList list, int leaveAfterMisses) {
        return members(room, list, leaveAfterMisses, true);
    }

    /**
     * Diffs a member list of {@code room} with flap damping, as {@link #members(RoomState, MemberList, int)}.
     *
     * @param pushes whether callbacks can arrive for this room: only then is each change remembered with the moment
     *     it was seen ({@link RoomState#evidence()}), so that a callback and a poll that overtake each other cannot
     *     undo one another. Without callbacks a room's polls are applied in order and the state stays smaller (about
     *     45 bytes per recently changed member in every state record of the room).
     */
    public static Transition members(RoomState room, MemberList list, int leaveAfterMisses, boolean pushes) {
        if (leaveAfterMisses < 1) {
            throw new IllegalArgumentException("leaveAfterMisses must be >= 1, was " + leaveAfterMisses);
        }
        if (!list.room().equals(room.ref())) {
            return Transition.none();
        }
        Emitter out = new Emitter(list.observedAt());
        Roster roster = new Roster(room, out, list.dataFrom(), pushes);
        if (list.completeness().provesAbsence()) {
            Emitter.sorted(room.members()).forEach((user, member) -> {
                if (!list.members().containsKey(user) && roster.applies(user)) {
                    roster.missed(user, member, leaveAfterMisses);
                }
            });
        }
        new TreeMap<>(list.members()).forEach((user, visibility) -> {
            if (roster.applies(user)) {
                roster.seen(user, visibility);
            }
        });
        RoomState next = roster.state();
        if (!next.equals(room)) {
            out.upsert(next);
        }
        return out.transition();
    }

    /**
     * Diffs a change a vendor pushed about {@code room}'s members, or its end, attributed to {@code room}'s incarnation.
     * A member change older than what is known of the member ({@link RoomState#evidence()}) changes nothing; a join
     * of a present member or a leave of an absent one changes no presence but is remembered as evidence. Events say
     * {@link Origin#CALLBACK} and carry the vendor's time as {@code occurredAt}.
     */
    public static Transition pushed(RoomState room, Pushed push) {
        if (push.incarnation() == null || !push.incarnation().equals(room.ref().incarnation())) {
            return Transition.none(); // not attributed to this incarnation
        }
        Emitter out = new Emitter(push.observedAt(), Origin.CALLBACK);
        if (push.change() == Pushed.Change.ROOM_DESTROYED) {
            out.destroy(room, push.at());
            return out.transition();
        }
        if (!push.change().isMember()) {
            return Transition.none(); // a creation of the live incarnation: nothing new
        }
        Roster roster = new Roster(room, out, push.at(), true);
        if (roster.applies(push.userId())) {
            if (push.change() == Pushed.Change.USER_JOINED) {
                roster.seen(push.userId(), push.visibility(), push.at());
            } else {
                roster.left(push.userId(), push.at());
            }
        }
        RoomState next = roster.state();
        if (!next.equals(room)) {
            out.upsert(next);
        }
        return out.transition();
    }

    /**
     * Diffs a pushed room creation, which names its incarnation: like a sweep that lists only that room, partial (it
     * says nothing of other rooms); a newer incarnation ends the live one, an ended or older one is history. Events say
     * {@link Origin#CALLBACK}.
     */
    public static Transition pushedCreation(AppState state, Pushed push) {
        RoomSighting sighting = RoomSighting.live(push.room().roomId(), push.incarnation(), push.createdAt());
        Emitter out = new Emitter(push.observedAt(), Origin.CALLBACK);
        RoomSweep one = new RoomSweep(state.app(), Completeness.PARTIAL, List.of(sighting), push.observedAt());
        new RoomHistory(state, push.room().roomId(), out).apply(List.of(sighting), one);
        return out.transition();
    }

    /** Diffs evidence that {@code room} ended. Evidence about another incarnation changes nothing. */
    public static Transition gone(RoomState room, RoomGone gone) {
        if (!gone.room().equals(room.ref())) {
            return Transition.none();
        }
        Emitter out = new Emitter(gone.observedAt());
        out.destroy(room, gone.endedAt());
        return out.transition();
    }

    /** Whether a sighting's creation time shows it is not newer than {@code reference}. */
    static boolean notNewer(RoomSighting sighting, @Nullable Instant reference) {
        return reference != null
                && sighting.createdAt() != null
                && !sighting.createdAt().isAfter(reference);
    }
}
