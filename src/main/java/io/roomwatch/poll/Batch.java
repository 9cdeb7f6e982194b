package io.roomwatch.poll;

import io.roomwatch.diff.SnapshotDiff;
import io.roomwatch.model.AppState;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diff of one batch of observations, applied in order to the committed state: the transitions to commit, the
 * state they lead to, and which rooms' members changed. Pure.
 *
 * @param transitions the non-empty transitions, in order
 * @param next the state after all of them
 * @param changedRooms rooms whose membership changed (for the adaptive member-poll policy)
 * @param sweeps how many of the observations were room sweeps
 */
record Batch(List<Transition> transitions, AppState next, Set<RoomRef> changedRooms, int sweeps) {

    /** Diffs {@code observations} in order; member lists with flap damping {@code leaveAfterMisses} (1 = none). */
    static Batch diff(AppState committed, List<Observation> observations, int leaveAfterMisses) {
        // one mutable copy of the app's rooms per batch (not per observation); an immutable state is built only when
        // a sweep needs the whole state, and at the end
        AppState.Builder working = committed.toBuilder();
        AppState state = committed;
        boolean behind = false; // whether `state` lags behind `working`
        List<Transition> transitions = new ArrayList<>();
        Set<RoomRef> changed = new LinkedHashSet<>();
        int sweeps = 0;
        for (Observation observation : observations) {
            Transition t;
            if (observation instanceof RoomSweep sweep) {
                sweeps++;
                if (behind) {
                    state = working.build();
                    behind = false;
                }
                t = SnapshotDiff.sweep(state, sweep);
            } else {
                t = diffRoom(working, observation, leaveAfterMisses);
            }
            if (!t.isEmpty()) {
                transitions.add(t);
                working.apply(t);
                behind = true;
                t.events().stream().filter(e -> e.userId() != null).forEach(e -> changed.add(e.room()));
            }
        }
        return new Batch(transitions, behind ? working.build() : state, changed, sweeps);
    }

    private static Transition diffRoom(AppState.Builder state, Observation observation, int leaveAfterMisses) {
        if (observation instanceof MemberList list) {
            RoomState room = state.live(list.room().key().roomId());
            return room == null ? Transition.none() : SnapshotDiff.members(room, list, leaveAfterMisses);
        }
        RoomGone gone = (RoomGone) observation;
        RoomState room = state.live(gone.room().key().roomId());
        return room == null ? Transition.none() : SnapshotDiff.gone(room, gone);
    }

    /** Every event of the batch, in commit order. */
    List<PresenceEvent> events() {
        return transitions.stream().flatMap(t -> t.events().stream()).toList();
    }
}
