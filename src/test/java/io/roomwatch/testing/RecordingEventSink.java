package io.roomwatch.testing;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Records what was committed. Can fail the next commits, or stall every commit until {@link #release()}: the broker
 * is down.
 */
public final class RecordingEventSink implements EventSink {

    private final List<PresenceEvent> committed = new ArrayList<>();
    private int attempts;
    private int failNext;
    private Supplier<RuntimeException> failure = () -> new IllegalStateException("broker unavailable");
    private Sinks.Empty<Void> stall;

    @Override
    public Mono<Void> commit(AppKey app, List<Transition> transitions) {
        return Mono.defer(() -> {
            attempts++;
            if (failNext > 0) {
                failNext--;
                return Mono.error(failure.get());
            }
            Mono<Void> wait = stall == null ? Mono.empty() : stall.asMono();
            return wait.then(Mono.fromRunnable(() -> transitions.forEach(t -> committed.addAll(t.events()))));
        });
    }

    public RecordingEventSink failNext(int count, Supplier<RuntimeException> error) {
        this.failNext = count;
        this.failure = error;
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

    public List<PresenceEvent> events() {
        return List.copyOf(committed);
    }

    public int attempts() {
        return attempts;
    }
}
