package io.roomwatch.diff;

import io.roomwatch.model.AppState;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.Member;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import java.time.Instant;
import java.util.HashMap;
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
     * Diffs a member list of {@code room}. A list taken for another incarnation is stale and changes nothing. A
     * visibility change updates the state without an event: the member is still present.
     */
    public static Transition members(RoomState room, MemberList list) {
        if (!list.room().equals(room.ref())) {
            return Transition.none();
        }
        Emitter out = new Emitter(list.observedAt());
        Map<String, Member> members = new HashMap<>(room.members());
        Map<String, Integer> departed = new HashMap<>(room.departed());
        if (list.completeness().provesAbsence()) {
            Emitter.sorted(room.members()).forEach((user, member) -> {
                if (!list.members().containsKey(user)) {
                    leave(out, room.ref(), user, member, members, departed);
                }
            });
        }
        new TreeMap<>(list.members())
                .forEach((user, visibility) -> join(out, room.ref(), user, visibility, members, departed));
        RoomState next = room.withMembers(members, departed);
        if (!next.equals(room)) {
            out.upsert(next);
        }
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

    private static void leave(
            Emitter out,
            RoomRef ref,
            String user,
            Member member,
            Map<String, Member> members,
            Map<String, Integer> departed) {
        out.leave(ref, user, member, LeaveReason.LEFT, null);
        members.remove(user);
        departed.put(user, member.joins());
    }

    private static void join(
            Emitter out,
            RoomRef ref,
            String user,
            Visibility visibility,
            Map<String, Member> members,
            Map<String, Integer> departed) {
        Member present = members.get(user);
        if (present != null) {
            members.put(user, present.withVisibility(visibility));
            return;
        }
        @Nullable Integer before = departed.remove(user);
        members.put(user, out.join(ref, user, visibility, before == null ? 1 : before + 1));
    }

    /** Whether a sighting's creation time shows it is not newer than {@code reference}. */
    static boolean notNewer(RoomSighting sighting, @Nullable Instant reference) {
        return reference != null
                && sighting.createdAt() != null
                && !sighting.createdAt().isAfter(reference);
    }
}
