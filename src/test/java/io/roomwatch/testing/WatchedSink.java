package io.roomwatch.testing;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.StateChange;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/** A sink that tells {@code onCommitted} the events of every commit of {@code delegate}, once it completed. */
public final class WatchedSink implements EventSink {

    private final EventSink delegate;
    private final Consumer<List<PresenceEvent>> onCommitted;

    public WatchedSink(EventSink delegate, Consumer<List<PresenceEvent>> onCommitted) {
        this.delegate = delegate;
        this.onCommitted = onCommitted;
    }

    @Override
    public Mono<AppSession> open(AppKey app) {
        return delegate.open(app).map(Watched::new);
    }

    private final class Watched implements AppSession {
        private final AppSession session;

        Watched(AppSession session) {
            this.session = session;
        }

        @Override
        public AppKey app() {
            return session.app();
        }

        @Override
        public Mono<Void> commit(StateChange change, List<PresenceEvent> events) {
            return session.commit(change, events).then(Mono.fromRunnable(() -> onCommitted.accept(events)));
        }

        @Override
        public Mono<Void> settle() {
            return session.settle();
        }

        @Override
        public Mono<Void> lost() {
            return session.lost();
        }
    }
}
