package io.roomwatch.state.memory;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.state.SnapshotStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Keeps app states in memory; loads {@link AppState#empty} for an app it does not know. Thread-safe. */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final Map<AppKey, AppState> states = new ConcurrentHashMap<>();

    /** Stores {@code state} as its app's state. */
    public InMemorySnapshotStore put(AppState state) {
        states.put(state.app(), state);
        return this;
    }

    @Override
    public Mono<AppState> load(AppKey app) {
        return Mono.fromSupplier(() -> states.getOrDefault(app, AppState.empty(app)));
    }
}
