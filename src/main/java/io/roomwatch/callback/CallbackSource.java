package io.roomwatch.callback;

import io.roomwatch.model.AppKey;
import reactor.core.publisher.Flux;

/**
 * Where the engine takes an app's verified callbacks from. One small interface for the outside system "vendors that
 * push": the HTTP receiver implements it ({@link io.roomwatch.callback.http.CallbackServer}), tests use a sink.
 */
public interface CallbackSource {

    /** No callbacks: every app is only polled. */
    CallbackSource NONE = app -> Flux.never();

    /**
     * The app's deliveries, in the order they were received. Hot and bounded: subscribe once per app; deliveries the
     * subscriber has not requested wait in a bounded queue, beyond which the receiver tells the vendor to retry
     * (nothing is dropped silently). Never completes while the receiver runs. Every delivery must end in {@link
     * Delivery#acknowledge()} or {@link Delivery#fail}.
     */
    Flux<Delivery> deliveries(AppKey app);
}
