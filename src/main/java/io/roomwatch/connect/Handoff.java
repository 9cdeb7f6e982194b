package io.roomwatch.connect;

import io.roomwatch.model.AppKey;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Between the engine and Connect's {@code poll()}: deliveries waiting to be handed to Connect. Bounded by
 * construction: each app has at most one commit outstanding (the engine waits for a commit before it takes the next
 * batch), and a commit has at most one delivery waiting here, so the capacity is the number of apps; an offer beyond
 * it is a bug and fails loudly instead of queueing. Thread-safe.
 */
final class Handoff {

    private final BlockingQueue<Delivery> waiting;
    private volatile boolean closed;
    private volatile Function<AppKey, SinkFailure> closedBecause =
            app -> new SinkUnavailable(app, "the hand-off is not closed", null);

    Handoff(int apps) {
        this.waiting = new ArrayBlockingQueue<>(Math.max(1, apps));
    }

    /** Hands {@code delivery} over (at subscription) and completes when its records are written. */
    Mono<Void> deliver(Delivery delivery) {
        return Mono.defer(() -> {
            if (delivery.seal().isEmpty()) {
                return Mono.empty(); // nothing to write
            }
            if (closed) {
                return Mono.error(closedBecause.apply(delivery.app()));
            }
            if (!waiting.offer(delivery)) {
                return Mono.error(new IllegalStateException(
                        delivery.app() + ": more deliveries waiting than apps; a commit overlapped another"));
            }
            return delivery.written();
        });
    }

    /**
     * Waits up to {@code wait} for a delivery, then takes every delivery waiting; empty if none came. Called on
     * Connect's task thread from {@code poll()}.
     */
    List<Delivery> take(Duration wait) throws InterruptedException {
        Delivery first = waiting.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Delivery> taken = new ArrayList<>();
        taken.add(first);
        waiting.drainTo(taken);
        return taken;
    }

    /** Refuses further deliveries and fails those still waiting with {@code reason}. */
    void close(Function<AppKey, SinkFailure> reason) {
        closedBecause = reason;
        closed = true;
        List<Delivery> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(delivery -> delivery.fail(reason.apply(delivery.app())));
    }
}
