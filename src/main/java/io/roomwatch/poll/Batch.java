package io.roomwatch.poll;

import io.roomwatch.diff.Attribution;
import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.diff.SnapshotDiff;
import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diff of one batch of observations, applied in order to the committed state: the transitions to commit, the
 * state they lead to, the member answers still waiting for attribution, and which rooms' members changed. Pure.
 *
 * @param transitions the non-empty transitions, in order
 * @param next the state after all of them
 * @param held member answers still waiting to be attributed after this batch (see {@link Attribution})
 * @param answered incarnations that had their first member answer diffed in this batch
 * @param changedRooms rooms whose membership changed (for the adaptive member-poll policy)
 * @param sweeps how many of the observations were room sweeps
 * @param attribution answers that started waiting, were released, were dropped in this batch
 * @param touched room ids whose stored entries the transitions change (upserted or ended incarnations)
 * @param capped by room id, for each member list diffed in this batch (the last one wins): how many present members
 *     a list capped by the vendor ({@link Completeness#TRUNCATED}) did not show; 0 for a list that was not capped
 */
record Batch(
        List<Transition> transitions,
        AppState next,
        HeldAnswers held,
        Set<RoomRef> answered,
        Set<RoomRef> changedRooms,
        int sweeps,
        Counts attribution,
        Set<String> touched,
        Map<String, Integer> capped) {

    /** What attribution did in one batch. */
    record Counts(int held, int released, int dropped) {}

    /**
     * How member answers are diffed and attributed: flap damping, the mode, how long one may wait, who already had an
     * answer diffed, and whether the app takes callbacks (only then are evidence times kept, see {@link
     * SnapshotDiff#members(io.roomwatch.model.RoomState, MemberList, int, boolean)}).
     */
    record Rules(int leaveAfterMisses, AttributionMode mode, Duration maxHold, Set<RoomRef> answered, boolean pushes) {}

    /** Diffs {@code observations} in order, member answers through {@link Attribution}. */
    static Batch diff(AppState committed, HeldAnswers held, List<Observation> observations, Rules rules) {
        // one mutable copy of the app's rooms per batch (not per observation)
        AppState.Builder working = committed.toBuilder();
        Attribution attribution = new Attribution(held, rules.mode(), rules.maxHold(), rules.answered());
        Diffing out = new Diffing(working, rules.leaveAfterMisses(), rules.pushes());
        int sweeps = 0;
        for (Observation observation : observations) {
            if (observation instanceof RoomSweep sweep) {
                sweeps++;
                out.members(attribution.beforeSweep(working, sweep));
                out.apply(SnapshotDiff.sweep(working.build(), sweep));
                out.members(attribution.afterSweep(working));
            } else if (observation instanceof Pushed push && push.change() == Pushed.Change.ROOM_CREATED) {
                // names its incarnation: diffed like a one-room sweep, then answers waiting for it may go
                out.apply(SnapshotDiff.pushedCreation(working.build(), push));
                out.members(attribution.afterSweep(working));
            } else {
                Transition asAsked = out.diffMembers(observation);
                List<Observation> now = attribution.answer(
                        working, observation, !asAsked.events().isEmpty());
                if (now.size() == 1 && now.get(0) == observation) {
                    out.diffed(observation, asAsked); // diffed as it was asked for: already computed
                } else {
                    out.members(now);
                }
            }
        }
        return new Batch(
                out.transitions,
                out.transitions.isEmpty() ? committed : working.build(),
                attribution.result(),
                Set.copyOf(attribution.newlyAnswered()),
                out.changed,
                sweeps,
                new Counts(attribution.held(), attribution.released(), attribution.dropped()),
                out.touched,
                out.capped);
    }

    /** Every event of the batch, in commit order. */
    List<PresenceEvent> events() {
        return transitions.stream().flatMap(t -> t.events().stream()).toList();
    }

    /** The transitions of one batch as they are diffed into the working state. */
    private static final class Diffing {

        private final AppState.Builder working;
        private final int leaveAfterMisses;
        private final boolean pushes;
        private final List<Transition> transitions = new ArrayList<>();
        private final Set<RoomRef> changed = new LinkedHashSet<>();
        private final Map<String, Integer> capped = new HashMap<>();
        private final Set<String> touched = new HashSet<>();

        Diffing(AppState.Builder working, int leaveAfterMisses, boolean pushes) {
            this.working = working;
            this.leaveAfterMisses = leaveAfterMisses;
            this.pushes = pushes;
        }

        void members(List<Observation> answers) {
            answers.forEach(answer -> diffed(answer, diffMembers(answer)));
        }

        /** Applies the diff of a member answer, and notes whether the vendor capped its list. */
        void diffed(Observation answer, Transition t) {
            apply(t);
            if (answer instanceof MemberList list) {
                RoomState room = working.live(list.room().key().roomId());
                if (room != null && room.ref().equals(list.room())) {
                    capped.put(room.ref().key().roomId(), unconfirmed(room, list));
                }
            }
        }

        private static int unconfirmed(RoomState room, MemberList list) {
            if (list.completeness() != Completeness.TRUNCATED) {
                return 0;
            }
            return (int) room.members().keySet().stream()
                    .filter(user -> !list.members().containsKey(user))
                    .count();
        }

        Transition diffMembers(Observation observation) {
            if (observation instanceof MemberList list) {
                RoomState room = working.live(list.room().key().roomId());
                return room == null ? Transition.none() : SnapshotDiff.members(room, list, leaveAfterMisses, pushes);
            }
            if (observation instanceof Pushed push) {
                RoomState room = working.live(push.room().roomId());
                if (room == null) {
                    return Transition.none();
                }
                return SnapshotDiff.pushed(room, push.incarnation() == null ? push.attributedTo(room.ref()) : push);
            }
            RoomGone gone = (RoomGone) observation;
            RoomState room = working.live(gone.room().key().roomId());
            return room == null ? Transition.none() : SnapshotDiff.gone(room, gone);
        }

        void apply(Transition t) {
            if (t.isEmpty()) {
                return;
            }
            transitions.add(t);
            working.apply(t);
            t.upserted().forEach(room -> touched.add(room.ref().key().roomId()));
            t.ended().forEach(room -> touched.add(room.ref().key().roomId()));
            t.events().stream().filter(e -> e.userId() != null).forEach(e -> changed.add(e.room()));
        }
    }
}
