package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Transition;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Makes the outcome of one poll cycle durable: the events of its transitions, in order, and the room states they
 * lead to. In exactly-once mode both go to Kafka in one transaction; in at-least-once mode the state is written only
 * after every event is acknowledged.
 *
 * <p>{@link #commit} is <b>lazy</b> and completes only when everything is durable, so a caller that waits for it
 * before polling again gets backpressure from the broker for free. It signals an error when the batch could not be
 * made durable (the caller redoes the cycle from the state it had); nothing of a failed batch is visible to
 * read_committed consumers. Calls for one app must not overlap; calls for different apps may.
 */
public interface EventSink {

    /**
     * Publishes {@code transitions}' events and stores their room states, atomically.
     *
     * @param app the app the transitions belong to
     * @param transitions the transitions of one poll cycle, in the order they were diffed
     */
    Mono<Void> commit(AppKey app, List<Transition> transitions);

    /**
     * Forgets the retirement marks of {@code app}'s room ids whose last ended incarnation was created before {@code
     * cutoff} (see {@link io.roomwatch.model.AppState#forgetRetiredBefore}), so stored state does not grow with every
     * room id ever seen. Lazy; completes when durable. The default stores nothing, so there is nothing to forget.
     */
    default Mono<Void> forgetRetiredBefore(AppKey app, java.time.Instant cutoff) {
        return Mono.empty();
    }
}
