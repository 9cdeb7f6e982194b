package io.roomwatch.testing;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.EventSink;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Records what was committed, and keeps {@code store} up to date as a Kafka state topic would. Can fail the next
 * commits, commit but answer "in doubt", or stall every commit until {@link #release()}: the broker is down.
 * Recording and reading are synchronized, so a test thread may read while a poller commits on its own threads.
 */
public final class RecordingEventSink implements EventSink {

    private final InMemorySnapshotStore store;
    private final List<PresenceEvent> committed = new ArrayList<>();
    private int attempts;
    private int failNext;
    private int inDoubtNext;
    private Supplier<RuntimeException> failure = () -> new IllegalStateException("unset");
    private Sinks.Empty<Void> stall;
    private final List<Instant> forgotten = new ArrayList<>();

    public RecordingEventSink(InMemorySnapshotStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> commit(AppKey app, List<Transition> transitions) {
        return Mono.defer(() -> {
            attempts++;
            if (failNext > 0) {
                failNext--;
                return Mono.error(failure.get());
            }
            Mono<Void> wait = stall == null ? Mono.empty() : stall.asMono();
            return wait.then(Mono.fromRunnable(() -> record(app, transitions))).then(Mono.defer(() -> inDoubt(app)));
        });
    }

    /** As the Kafka sink does: the stored state forgets ended incarnations older than {@code cutoff}. */
    @Override
    public Mono<Void> forgetRetiredBefore(AppKey app, Instant cutoff) {
        return Mono.fromRunnable(() -> forget(app, cutoff));
    }

    private synchronized void forget(AppKey app, Instant cutoff) {
        forgotten.add(cutoff);
        store.put(store.load(app).block().forgetRetiredBefore(cutoff));
    }

    /** The cutoffs the engine asked the sink to forget history before, in order. */
    public synchronized List<Instant> forgotten() {
        return List.copyOf(forgotten);
    }

    private synchronized void record(AppKey app, List<Transition> transitions) {
        AppState state = store.load(app).block();
        for (Transition t : transitions) {
            committed.addAll(t.events());
            state = state.apply(t);
        }
        store.put(state);
    }

    private Mono<Void> inDoubt(AppKey app) {
        if (inDoubtNext > 0) {
            inDoubtNext--;
            return Mono.error(new SinkInDoubt(app, "lost the broker during commitTransaction", null));
        }
        return Mono.empty();
    }

    public RecordingEventSink failNext(int count, Supplier<RuntimeException> error) {
        this.failNext = count;
        this.failure = error;
        return this;
    }

    /** The next {@code count} commits succeed but answer {@link SinkInDoubt}. */
    public RecordingEventSink committedButInDoubt(int count) {
        this.inDoubtNext = count;
        return this;
    }

    public RecordingEventSink stallUntilReleased() {
        this.stall = Sinks.empty();
        return this;
    }

    public void release() {
        Sinks.Empty<Void> s = stall;
        stall = null;
        s.tryEmitEmpty();
    }

    public synchronized List<PresenceEvent> events() {
        return List.copyOf(committed);
    }

    public int attempts() {
        return attempts;
    }
}
