package io.roomwatch.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.EventType;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import io.roomwatch.testing.EventReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random walks of a true world observed through complete, partial, truncated and failed observations. Each walk is
 * seeded; a failure names its seed and step so it can be replayed.
 */
class SnapshotDiffPropertyTest {

    private static final int WALKS = 400;
    private static final int STEPS = 250;
    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "prop");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** K = 1 is the default (no damping); K = 3 damps flaps: a member leaves after 3 complete lists missed them. */
    @ParameterizedTest(name = "leaveAfterMisses = {0}")
    @ValueSource(ints = {1, 3})
    void randomObservationSequences_keepTheContract(int leaveAfterMisses) {
        for (long seed = 1; seed <= WALKS; seed++) {
            new Walk(seed, leaveAfterMisses).run();
        }
    }

    /** The ground truth of one walk and the differ's view of it. */
    private static final class Walk {
        private final long seed;
        private final int leaveAfterMisses;
        private final SplittableRandom random;
        private final Map<String, Integer> misses = new HashMap<>(); // "room#incarnation/user" -> complete lists missed
        private final Map<String, TrueRoom> truth = new TreeMap<>();
        private final List<TrueRoom> ended = new ArrayList<>();
        private final EventReplay replay = new EventReplay();
        private AppState state = AppState.empty(APP);
        private int clock;
        private int incarnations;

        Walk(long seed, int leaveAfterMisses) {
            this.seed = seed;
            this.leaveAfterMisses = leaveAfterMisses;
            this.random = new SplittableRandom(seed);
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                clock += 1 + random.nextInt(10);
                mutateTruth();
                observeOnce("seed " + seed + " step " + step);
            }
            settle();
        }

        /** A final complete sweep and K rounds of complete member lists: replay must now equal the truth. */
        private void settle() {
            String where = "seed " + seed + " settle";
            apply(
                    SnapshotDiff.sweep(state, sweep(Completeness.COMPLETE, liveSightings())),
                    where,
                    Completeness.COMPLETE);
            for (int round = 0; round < leaveAfterMisses; round++) {
                for (RoomState room : List.copyOf(state.live().values())) {
                    TrueRoom t = truth.get(room.ref().key().roomId());
                    applyMembers(room, memberList(room.ref(), t, Completeness.COMPLETE), where);
                }
            }
            Map<String, Set<String>> expected = new TreeMap<>();
            truth.values().forEach(t -> expected.put(t.roomId + "#" + t.incarnation, Set.copyOf(t.members.keySet())));
            assertThat(replay.presence()).as(where).isEqualTo(expected);
        }

        private void mutateTruth() {
            int roll = random.nextInt(100);
            String roomId = "r" + random.nextInt(5);
            TrueRoom room = truth.get(roomId);
            if (room == null && roll < 30) {
                truth.put(roomId, new TrueRoom(roomId, "c" + (++incarnations), clock));
            } else if (room != null && roll < 8) {
                room.endedAt = clock;
                ended.add(truth.remove(roomId));
            } else if (room != null) {
                String user = "u" + random.nextInt(8);
                if (room.members.remove(user) == null) {
                    room.members.put(user, random.nextInt(4) == 0 ? Visibility.INVISIBLE : Visibility.VISIBLE);
                }
            }
        }

        private void observeOnce(String where) {
            Completeness completeness = Completeness.values()[random.nextInt(3)];
            int kind = random.nextInt(10);
            if (kind == 0) {
                return; // a failed fetch: no observation at all
            }
            if (kind < 4) {
                List<RoomSighting> rooms = completeness.provesAbsence() ? liveSightings() : someSightings();
                Transition t = SnapshotDiff.sweep(state, sweep(completeness, rooms));
                if (!completeness.provesAbsence()) {
                    assertEveryDestroyIsBacked(t, rooms, where);
                }
                apply(t, where, completeness);
                return;
            }
            List<RoomState> tracked = List.copyOf(new TreeMap<>(state.live()).values());
            if (tracked.isEmpty()) {
                return;
            }
            RoomState room = tracked.get(random.nextInt(tracked.size()));
            TrueRoom now = truth.get(room.ref().key().roomId());
            if (now == null) {
                apply(SnapshotDiff.gone(room, new RoomGone(room.ref(), null, at(clock))), where, Completeness.COMPLETE);
            } else {
                // The vendor answers for whatever incarnation is live now, even if we still track an older one.
                applyMembers(room, memberList(room.ref(), now, completeness), where);
            }
        }

        /** Diffs a member list with damping K; exactly the members missed by K complete lists in a row leave. */
        private void applyMembers(RoomState room, MemberList list, String where) {
            Transition t = SnapshotDiff.members(room, list, leaveAfterMisses);
            if (!list.completeness().provesAbsence()) {
                assertThat(t.events())
                        .as(where + ": partial member list removes nothing")
                        .noneMatch(e -> e.type() == EventType.USER_LEFT || e.type() == EventType.ROOM_DESTROYED);
            }
            List<String> due = countMisses(room, list);
            assertThat(t.events())
                    .filteredOn(e -> e.type() == EventType.USER_LEFT)
                    .extracting(PresenceEvent::userId)
                    .as(where + ": leaves after " + leaveAfterMisses + " complete lists in a row missed the member")
                    .containsExactlyElementsOf(due);
            due.forEach(user -> misses.remove(room.ref() + "/" + user));
            apply(t, where, list.completeness());
        }

        /** The walk's own count of misses per present member; returns who reached K, by user id. */
        private List<String> countMisses(RoomState room, MemberList list) {
            List<String> due = new ArrayList<>();
            for (String user : new TreeMap<>(room.members()).keySet()) {
                String key = room.ref() + "/" + user;
                if (list.members().containsKey(user)) {
                    misses.remove(key);
                } else if (list.completeness().provesAbsence()
                        && misses.merge(key, 1, Integer::sum) >= leaveAfterMisses) {
                    due.add(user);
                }
            }
            return due;
        }

        private void apply(Transition t, String where, Completeness completeness) {
            try {
                replay.acceptAll(t.events());
            } catch (AssertionError e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
            if (!completeness.provesAbsence()) {
                assertThat(t.events())
                        .as(where + ": partial observations never remove by absence")
                        .noneMatch(e -> e.reason() == LeaveReason.LEFT);
            }
            state = state.apply(t);
            assertThat(replay.presence())
                    .as(where + ": replay equals remembered state")
                    .isEqualTo(remembered());
        }

        /** In a partial sweep, a room ends only on evidence the sweep shows: it finished, or a newer one is listed. */
        private void assertEveryDestroyIsBacked(Transition t, List<RoomSighting> rooms, String where) {
            for (PresenceEvent e : t.events()) {
                if (e.type() == EventType.ROOM_DESTROYED) {
                    assertThat(rooms)
                            .as(where + ": evidence for " + e)
                            .anyMatch(s -> s.roomId().equals(e.key().roomId())
                                    && (s.finished()
                                            || !s.incarnation().equals(e.room().incarnation())));
                }
            }
        }

        private Map<String, Set<String>> remembered() {
            Map<String, Set<String>> out = new TreeMap<>();
            state.live()
                    .values()
                    .forEach(r -> out.put(
                            r.ref().key().roomId() + "#" + r.ref().incarnation(),
                            r.members().keySet()));
            return out;
        }

        private List<RoomSighting> liveSightings() {
            return truth.values().stream().map(TrueRoom::sighting).toList();
        }

        /** A Volcengine-like partial window: some live rooms and some finished ones, possibly seen before. */
        private List<RoomSighting> someSightings() {
            List<RoomSighting> out = new ArrayList<>();
            truth.values().stream().filter(r -> random.nextBoolean()).forEach(r -> out.add(r.sighting()));
            ended.stream().filter(r -> random.nextInt(4) == 0).forEach(r -> out.add(r.sighting()));
            return out;
        }

        private MemberList memberList(RoomRef asked, TrueRoom now, Completeness completeness) {
            Map<String, Visibility> shown = new HashMap<>(now.members);
            if (!completeness.provesAbsence()) {
                shown.keySet().removeIf(u -> random.nextBoolean());
            }
            return new MemberList(asked, completeness, shown, at(clock));
        }

        private RoomSweep sweep(Completeness completeness, List<RoomSighting> rooms) {
            return new RoomSweep(APP, completeness, rooms, at(clock));
        }
    }

    private static final class TrueRoom {
        final String roomId;
        final String incarnation;
        final int createdAt;
        final Map<String, Visibility> members = new TreeMap<>();
        Integer endedAt;

        TrueRoom(String roomId, String incarnation, int createdAt) {
            this.roomId = roomId;
            this.incarnation = incarnation;
            this.createdAt = createdAt;
        }

        RoomSighting sighting() {
            return endedAt == null
                    ? RoomSighting.live(roomId, incarnation, at(createdAt))
                    : RoomSighting.ended(roomId, incarnation, at(createdAt), at(endedAt));
        }
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    @Test
    void contractCheckerItselfRejectsBrokenStreams() {
        RoomRef r = new RoomRef(APP.room("r"), "c");
        PresenceEvent destroyed = new io.roomwatch.model.RoomDestroyed(
                EventIds.forRoom(EventType.ROOM_DESTROYED, r), r, null, T0, io.roomwatch.model.Origin.POLL);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EventReplay().accept(destroyed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not live");
    }
}
