package io.roomwatch.testing;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.StateChange;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import io.roomwatch.state.SnapshotStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Drives a sink the way the engine does, for sink tests and benchmarks that commit scripted transitions: opens an
 * app, reads its state from the store, and commits transitions as a {@link StateChange} from the state it committed
 * last to the state they lead to. It keeps that state as the engine does: it moves only when a commit succeeded;
 * after a failure it stays, and {@link #reload} reads it again (what the engine does after {@code SinkInDoubt}).
 */
public final class SinkDriver {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EventSink sink;
    private final SnapshotStore store;
    private final Map<AppKey, AppSession> sessions = new ConcurrentHashMap<>();
    private final Map<AppKey, AppState> committed = new ConcurrentHashMap<>();

    public SinkDriver(EventSink sink, SnapshotStore store) {
        this.sink = sink;
        this.store = store;
    }

    /** Opens {@code app} (fencing older writers), then reads its state from the store. Blocks. */
    public AppState load(AppKey app) {
        AppSession session = sink.open(app).toFuture().join(); // join, not block: may run on a Reactor thread
        sessions.put(app, session);
        AppState state = store.load(app).toFuture().join();
        committed.put(app, state);
        return state;
    }

    /** The app's session; opens it (and loads) first if needed. */
    public AppSession session(AppKey app) {
        if (!sessions.containsKey(app)) {
            load(app);
        }
        return sessions.get(app);
    }

    /** Commits {@code transitions} from the state committed last; lazy. */
    public Mono<Void> commit(AppKey app, List<Transition> transitions) {
        return Mono.defer(() -> {
            AppSession session = session(app);
            AppState before = committed.get(app);
            AppState.Builder working = before.toBuilder();
            Set<String> touched = new HashSet<>();
            List<PresenceEvent> events = new java.util.ArrayList<>();
            for (Transition t : transitions) {
                working.apply(t);
                events.addAll(t.events());
                t.upserted().stream()
                        .map(RoomState::ref)
                        .forEach(ref -> touched.add(ref.key().roomId()));
                t.ended().stream()
                        .map(RoomState::ref)
                        .forEach(ref -> touched.add(ref.key().roomId()));
            }
            AppState after = working.build();
            return session.commit(new StateChange(before, after, touched), events)
                    .then(Mono.fromRunnable(() -> committed.put(app, after)));
        });
    }

    /** Forgets ended incarnations older than {@code cutoff}, as the engine's pruning does; lazy. */
    public Mono<Void> forgetRetiredBefore(AppKey app, Instant cutoff) {
        return Mono.defer(() -> {
            AppState before = committed.get(app);
            AppState after = before.forgetRetiredBefore(cutoff);
            return session(app)
                    .commit(StateChange.between(before, after), List.of())
                    .then(Mono.fromRunnable(() -> committed.put(app, after)));
        });
    }

    /** After {@code SinkInDoubt}: settles the session, then reads what is stored. Blocks. */
    public AppState reload(AppKey app) {
        session(app).settle().block(WAIT);
        AppState state = store.load(app).block(WAIT);
        committed.put(app, state);
        return state;
    }

    /** The state committed last. */
    public AppState state(AppKey app) {
        return committed.get(app);
    }
}
