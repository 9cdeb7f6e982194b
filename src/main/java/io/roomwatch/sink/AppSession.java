package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.StateChange;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One app's session with the sink, opened by {@link EventSink#open}: the only way to write the app's events and
 * state while this instance owns the app. The engine owns the committed state and tells the session what to write;
 * the session holds none.
 *
 * <p>Every method is <b>lazy</b>. Calls must not overlap ({@link #commit}, {@link #settle}); {@link #lost()} may be
 * subscribed once, alongside. Errors are {@link SinkFailure}s.
 */
public interface AppSession {

    /** The app this session writes. */
    AppKey app();

    /**
     * Makes one batch durable: {@code events}, in order, and the stored state moved from {@code change.before()} (which
     * must be what is stored now) to {@code change.after()}. In exactly-once mode both go in one transaction; in
     * at-least-once mode the state is written only after every event is acknowledged. Completes only when durable,
     * so a caller that waits for it before polling again gets backpressure from the broker.
     *
     * <p>Errors: {@link SinkUnavailable} (nothing visible: redo from {@code before}); {@link SinkInDoubt} (the batch
     * may or may not be stored, or another holder of the app may have written meanwhile: call {@link #settle()},
     * reload the state with the {@link io.roomwatch.state.SnapshotStore}, then redo); {@link SinkFenced} and {@link
     * SinkRejected} (fatal: every later call fails the same way).
     */
    Mono<Void> commit(StateChange change, List<PresenceEvent> events);

    /**
     * After {@link SinkInDoubt}: makes the outcome of the doubtful commit final (in Kafka: takes the transactional id
     * back, after the ownership check, which completes or aborts it), so that a state read afterwards tells what is
     * stored. Same errors as {@link #commit}.
     */
    Mono<Void> settle();

    /**
     * Fails with {@link SinkFenced} once another instance has taken the app over, even while this one has nothing to
     * commit (checked periodically, without a transaction); never completes otherwise. Cancel it to stop checking.
     */
    Mono<Void> lost();
}
