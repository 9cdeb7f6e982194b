package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import reactor.core.publisher.Mono;

/**
 * Where apps' changes become durable: the events of each poll cycle and the room states they lead to.
 *
 * <p>Opening an app is an explicit step: it makes this instance the app's writer. In Kafka exactly-once mode it claims
 * the app and takes its transactional id, which fences an older instance with the same apps and settles a transaction
 * it left open, so a state read after {@link #open} completes sees everything committed before. Read the state
 * afterwards ({@link io.roomwatch.state.SnapshotStore}), then commit through the returned {@link AppSession}.
 */
public interface EventSink {

    /**
     * Opens {@code app} for writing. Lazy; completes with the app's session (the same one for every call). Errors:
     * {@link SinkUnavailable} (retry later), {@link SinkFenced}, {@link SinkRejected}.
     */
    Mono<AppSession> open(AppKey app);
}
