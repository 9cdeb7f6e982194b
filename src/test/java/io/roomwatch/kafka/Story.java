package io.roomwatch.kafka;

import io.roomwatch.diff.SnapshotDiff;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's side of a test: an app's remembered state, transitions diffed from it by the real differ, advanced
 * only when the test says the commit succeeded. The script covers creation, joins, leaves, a room destroyed and
 * re-created (live incarnation and retirement mark on one key), a room destroyed for good, and the sweep watermark.
 */
final class Story {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final AppKey app;
    private AppState state;
    private final List<PresenceEvent> committedEvents = new ArrayList<>();
    private int clock;

    Story(AppKey app) {
        this.app = app;
        this.state = AppState.empty(app);
    }

    AppState state() {
        return state;
    }

    /** Every event of the transitions accepted so far, in order. */
    List<PresenceEvent> events() {
        return List.copyOf(committedEvents);
    }

    /** The commit of {@code transition} succeeded: remember its state. */
    void accept(Transition transition) {
        state = state.apply(transition);
        committedEvents.addAll(transition.events());
    }

    /** Starts over from {@code restored}, as the engine does after a reload. */
    void reset(AppState restored) {
        state = restored;
    }

    /** The scripted steps; each diffs the state current when it is called. */
    List<Function<Story, Transition>> script() {
        return List.of(
                s -> s.sweep(at(60), RoomSighting.live("r1", "c1", at(0)), RoomSighting.live("r2", "c2", at(5))),
                s -> s.members("r1", "alice", "~bob"),
                s -> s.members("r2", "carol"),
                s -> s.members("r1", "~bob"),
                s -> s.sweep(
                        at(400),
                        RoomSighting.ended("r1", "c1", at(0), at(300)),
                        RoomSighting.live("r1", "c3", at(310)),
                        RoomSighting.live("r2", "c2", at(5))),
                s -> s.members("r1", "alice"),
                s -> s.sweep(at(600), RoomSighting.ended("r2", "c2", at(5), at(500))));
    }

    Transition sweep(Instant listedUntil, RoomSighting... rooms) {
        return SnapshotDiff.sweep(
                state, new RoomSweep(app, Completeness.PARTIAL, List.of(rooms), observedAt(), listedUntil));
    }

    Transition members(String roomId, String... users) {
        RoomState room = state.live().get(roomId);
        Map<String, Visibility> members = new LinkedHashMap<>();
        for (String user : users) {
            boolean invisible = user.startsWith("~");
            members.put(invisible ? user.substring(1) : user, invisible ? Visibility.INVISIBLE : Visibility.VISIBLE);
        }
        return SnapshotDiff.members(room, new MemberList(room.ref(), Completeness.COMPLETE, members, observedAt()));
    }

    private Instant observedAt() {
        clock += 7;
        return at(1000 + clock);
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
