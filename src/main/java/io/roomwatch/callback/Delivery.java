package io.roomwatch.callback;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Pushed;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One verified vendor callback and the observations it carries (a Tencent member callback may name several users).
 * The vendor is answered with success only when every observation is settled: committed with its batch, or known to
 * change nothing. Thread-safe: settled from the engine's commit thread, awaited on the receiver's event loop.
 */
public final class Delivery {

    private final AppKey app;
    private final List<Pushed> pushes;
    private final AtomicInteger unsettled;
    private final Sinks.One<Void> outcome = Sinks.one();

    /**
     * @param pushes the observations, at least one, each with its own receipt number
     */
    public Delivery(AppKey app, List<Pushed> pushes) {
        this.app = Objects.requireNonNull(app, "app");
        this.pushes = List.copyOf(pushes);
        if (this.pushes.isEmpty()) {
            throw new IllegalArgumentException("a delivery carries at least one observation");
        }
        this.unsettled = new AtomicInteger(this.pushes.size());
    }

    public AppKey app() {
        return app;
    }

    public List<Pushed> pushes() {
        return pushes;
    }

    /** One of the observations is settled; the delivery is acknowledged with the last one. */
    public void settled() {
        if (unsettled.decrementAndGet() == 0) {
            acknowledge();
        }
    }

    /** Everything the callback caused is durable (or changed nothing): the vendor may be told it was received. */
    public void acknowledge() {
        outcome.tryEmitEmpty();
    }

    /** The callback could not be made durable: the vendor must retry (the app stopped, or the engine gave up). */
    public void fail(Throwable cause) {
        outcome.tryEmitError(cause);
    }

    /** Completes when acknowledged, errors when failed; lazy and cached (any number of subscribers). */
    public Mono<Void> outcome() {
        return outcome.asMono();
    }
}
