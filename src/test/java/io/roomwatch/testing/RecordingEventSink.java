package io.roomwatch.testing;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.StateChange;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Records what was committed, and keeps {@code store} up to date as a Kafka state topic would: each commit moves the
 * stored state to the change's {@code after}, and fails the test if its {@code before} is not what is stored (the
 * engine must commit from the state it committed last). Can fail the next commits, commit but answer "in doubt", or
 * stall every commit until {@link #release()}: the broker is down. Recording and reading are synchronized, so a test
 * thread may read while a poller commits on its own threads.
 */
public final class RecordingEventSink implements EventSink {

    private final InMemorySnapshotStore store;
    private final List<PresenceEvent> committed = new ArrayList<>();
    private final List<Integer> forgotten = new ArrayList<>();
    private int attempts;
    private int failNext;
    private int inDoubtNext;
    private Supplier<RuntimeException> failure = () -> new IllegalStateException("unset");
    private Sinks.Empty<Void> stall;

    public RecordingEventSink(InMemorySnapshotStore store) {
        this.store = store;
    }

    @Override
    public Mono<AppSession> open(AppKey app) {
        return Mono.just(new Session(app));
    }

    /** The session of one app: every commit goes through the recording. */
    private final class Session implements AppSession {
        private final AppKey app;

        Session(AppKey app) {
            this.app = app;
        }

        @Override
        public AppKey app() {
            return app;
        }

        @Override
        public Mono<Void> commit(StateChange change, List<PresenceEvent> events) {
            return Mono.defer(() -> {
                attempts++;
                if (failNext > 0) {
                    failNext--;
                    return Mono.error(failure.get());
                }
                Mono<Void> wait = stall == null ? Mono.empty() : stall.asMono();
                return wait.then(Mono.fromRunnable(() -> record(change, events)))
                        .then(Mono.defer(() -> inDoubt(app)));
            });
        }

        @Override
        public Mono<Void> settle() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> lost() {
            return Mono.never();
        }
    }

    private synchronized void record(StateChange change, List<PresenceEvent> events) {
        AppState stored = store.load(change.app()).block();
        if (!stored.equals(change.before())) {
            throw new AssertionError("a commit from a state that is not the stored one, for " + change.app());
        }
        committed.addAll(events);
        if (events.isEmpty()
                && change.after().retired().size() < change.before().retired().size()) {
            forgotten.add(change.after().retired().size());
        }
        store.put(change.after());
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

    /** How many ended room ids were left after each pruning the engine committed, in order. */
    public synchronized List<Integer> forgotten() {
        return List.copyOf(forgotten);
    }

    public int attempts() {
        return attempts;
    }
}
