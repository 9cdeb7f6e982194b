package io.roomwatch.kafka;

import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.kafka.Claims.Claim;
import io.roomwatch.kafka.SendResult.Failed;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkFenced;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.state.SnapshotStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Everything the sink does for one app: its producer (one per app, so that the transactional id is stable per app),
 * its lane thread (every producer call happens there, in order), and the state last committed, from which the state
 * records of the next batch are derived.
 *
 * <p>Ownership: the lane claims the app ({@link Claims}) before it first opens the producer, which fences older
 * instances. Whenever an error closed the producer, the next opening takes the transactional id back only if no other
 * instance claimed the app since; otherwise the app is fenced ({@link SinkFenced}) and stops. After an error that
 * may hide a fencing (anything but a timeout or a lost connection), the claims are checked at once, so a fenced app
 * learns it from that error. Every re-opening reloads the committed state before the next commit.
 *
 * <p>Mutable fields are only touched from the lane thread or from a chain that follows one (calls for one app never
 * overlap, see {@link io.roomwatch.sink.EventSink}); volatile makes the hand-over between threads visible.
 */
final class AppLane {

    private static final Logger log = LoggerFactory.getLogger(AppLane.class);

    private final AppKey app;
    private final KafkaSinkConfig config;
    private final Function<AppKey, Producer<String, byte[]>> producers;
    private final SnapshotStore store;
    private final Claims claims;
    private final Scheduler lane;

    private volatile @Nullable Producer<String, byte[]> producer;
    /** Where this instance claimed the app; null until the first opening. */
    private volatile @Nullable Claim claim;
    /** The state of the last committed batch; null until restored, or while a commit is in doubt. */
    private volatile @Nullable AppState committed;
    /** The state before a commit whose outcome is unknown: the caller still has it. */
    private volatile @Nullable AppState inDoubtFrom;

    private volatile boolean transactionOpen;
    private volatile @Nullable SinkFailure fatal;

    AppLane(
            AppKey app,
            KafkaSinkConfig config,
            Function<AppKey, Producer<String, byte[]>> producers,
            SnapshotStore store,
            Claims claims,
            Scheduler lane) {
        this.app = app;
        this.config = config;
        this.producers = producers;
        this.store = store;
        this.claims = claims;
        this.lane = lane;
    }

    /** Opens the producer (fencing an older instance) and reloads the committed state. */
    Mono<AppState> restore() {
        return onLane(this::forgetState).then(opened()).doOnNext(state -> inDoubtFrom = null);
    }

    /** Publishes the transitions' events and the state records that take the committed state where they lead. */
    Mono<Void> commit(List<Transition> transitions) {
        return opened().flatMap(this::settleDoubt)
                .flatMap(before -> write(before, fold(before, transitions), events(transitions)));
    }

    /** Writes the state without the retirement marks of incarnations created before {@code cutoff}. */
    Mono<Void> prune(java.time.Instant cutoff) {
        return opened().flatMap(before -> write(before, before.forgetRetiredBefore(cutoff), List.of()));
    }

    /**
     * Aborts a transaction still open (call it after the last commit completed: a commit still running is aborted),
     * closes the producer and the lane.
     */
    Mono<Void> close(Duration timeout) {
        return onLane(() -> shutDown(timeout)).doFinally(signal -> lane.dispose());
    }

    private void shutDown(Duration timeout) {
        if (transactionOpen && producer != null) {
            try {
                requireProducer().abortTransaction();
            } catch (KafkaException e) {
                log.warn("{}: abort at shutdown failed, the broker aborts it after its timeout: {}", app, e.toString());
            }
        }
        closeProducer(timeout);
    }

    private Mono<AppState> opened() {
        return onLane(this::openProducer).then(Mono.defer(this::committedState));
    }

    private Mono<AppState> committedState() {
        AppState known = committed;
        return known != null ? Mono.just(known) : store.load(app).doOnNext(state -> committed = state);
    }

    /** After a commit in doubt: go on only if it turned out not committed (the caller's state is still right). */
    private Mono<AppState> settleDoubt(AppState state) {
        AppState from = inDoubtFrom;
        inDoubtFrom = null;
        if (from == null || from.equals(state)) {
            return Mono.just(state);
        }
        return Mono.error(new SinkInDoubt(app, "the earlier commit in doubt was committed: reload the state", null));
    }

    private void forgetState() {
        committed = null;
    }

    private void openProducer() {
        SinkFailure stopped = fatal;
        if (stopped != null) {
            throw stopped;
        }
        if (producer == null) {
            Claim held = claim;
            if (held == null) {
                claim = claims.claim(app); // announced before the id is taken: a later instance will see it
            } else {
                requireOwnership(held, "re-opening the producer");
                reloadBeforeNextCommit(); // whoever held the id meanwhile may have committed
            }
            Producer<String, byte[]> created = producers.apply(app);
            producer = created;
            if (config.deliveryMode() == DeliveryMode.EXACTLY_ONCE) {
                call("initTransactions", created::initTransactions); // fences an older instance, settles its txn
                log.info("{}: producer ready, transactional.id {}", app, ProducerSettings.transactionalId(config, app));
            }
        }
        if (transactionOpen) {
            abort("abortTransaction (left open by a cancelled commit)");
        }
    }

    private Mono<Void> write(AppState before, AppState after, List<ProducerRecord<String, byte[]>> events) {
        if (config.deliveryMode() == DeliveryMode.EXACTLY_ONCE) {
            List<ProducerRecord<String, byte[]>> all = new ArrayList<>(events);
            all.addAll(StateRecords.changes(config.stateTopic(), before, after));
            return transaction(after, all);
        }
        return acknowledged(events)
                .then(acknowledged(StateRecords.roomChanges(config.stateTopic(), before, after)))
                .then(acknowledged(StateRecords.appChange(config.stateTopic(), before, after)))
                .then(onLane(() -> advance(after, events.size())));
    }

    private Mono<Void> transaction(AppState after, List<ProducerRecord<String, byte[]>> records) {
        return onLane(this::begin)
                .then(Mono.defer(() -> sends().firstFailure(records)))
                .flatMap(failure -> onLane(() -> end(failure, after, records.size())));
    }

    /** At-least-once: completes when every record is acknowledged; fails (classified) otherwise. */
    private Mono<Void> acknowledged(List<ProducerRecord<String, byte[]>> records) {
        return Mono.defer(() -> sends().firstFailure(records))
                .flatMap(failure -> failure.isPresent() ? Mono.error(failed(failure.get())) : Mono.empty());
    }

    private void begin() {
        call("beginTransaction", requireProducer()::beginTransaction);
        transactionOpen = true;
    }

    private void end(Optional<Failed> failure, AppState after, int records) {
        if (failure.isPresent()) {
            abort("abortTransaction");
            throw failed(failure.get());
        }
        try {
            requireProducer().commitTransaction();
        } catch (TimeoutException | InterruptException e) {
            throw doubt(e);
        } catch (KafkaException e) {
            SinkFailure failed = stopIfFatal(KafkaErrors.classify(app, "commitTransaction", e));
            if (failed.isRetriable() && KafkaErrors.producerLost(e)) {
                throw lost(failed, e);
            }
            if (failed.isRetriable()) {
                abort("abortTransaction after a failed commit");
            }
            throw failed;
        }
        transactionOpen = false;
        advance(after, records);
    }

    private void advance(AppState after, int records) {
        committed = after;
        log.debug("{}: committed {} records", app, records);
    }

    private SinkFailure failed(Failed failure) {
        SinkFailure failed = stopIfFatal(KafkaErrors.classify(app, "sending " + failure.where(), failure.error()));
        return failed.isRetriable() && KafkaErrors.producerLost(failure.error())
                ? lost(failed, failure.error())
                : failed;
    }

    /** Aborts the open transaction; if that fails, drops the producer: the next commit starts a fresh one. */
    private void abort(String doing) {
        try {
            requireProducer().abortTransaction();
            transactionOpen = false;
        } catch (KafkaException e) {
            SinkFailure failure = stopIfFatal(KafkaErrors.classify(app, doing, e));
            throw failure.isRetriable() ? lost(failure, e) : failure;
        }
    }

    /**
     * The producer is unusable after {@code error}: close it. Unless the error was a timeout or a lost connection
     * (then the next opening checks), check the claims now, so that a fencing in disguise stops the app at once.
     *
     * @return the failure to signal: {@code failure}, or {@link SinkFenced} when another instance claimed the app
     */
    private SinkFailure lost(SinkFailure failure, Throwable error) {
        closeProducer(Duration.ZERO);
        Claim held = claim;
        if (held != null && !KafkaErrors.isTransient(error)) {
            try {
                requireOwnership(held, "after " + KafkaErrors.describe(error));
            } catch (SinkFenced fenced) {
                return fenced;
            } catch (KafkaException checkFailed) {
                log.warn(
                        "{}: checking the claims failed ({}); they are checked again before re-opening",
                        app,
                        checkFailed.toString());
            }
        }
        log.warn("{}; the producer is closed and re-opened at the next commit", failure.getMessage());
        return failure;
    }

    /** Fails the app for good ({@link SinkFenced}) if another instance claimed it after {@code ours}. */
    private void requireOwnership(Claim ours, String doing) {
        Optional<String> later = claims.laterClaim(app, ours);
        if (later.isPresent()) {
            throw stopIfFatal(new SinkFenced(
                    app,
                    doing + ": fenced by another instance, which claimed this app after us (" + later.get()
                            + "); the transactional id is not taken back",
                    null));
        }
    }

    /** The state committed through this producer may not be the latest: reload it before the next commit. */
    private void reloadBeforeNextCommit() {
        if (inDoubtFrom == null) {
            inDoubtFrom = committed;
        }
        committed = null;
    }

    private SinkInDoubt doubt(RuntimeException e) {
        inDoubtFrom = committed;
        committed = null;
        closeProducer(Duration.ZERO);
        SinkInDoubt failure = KafkaErrors.inDoubt(app, e);
        log.warn("{}", failure.getMessage());
        return failure;
    }

    private SinkFailure stopIfFatal(SinkFailure failure) {
        if (!failure.isRetriable()) {
            fatal = failure;
            log.error("stopping the app: {}", failure.getMessage());
            closeProducer(Duration.ZERO);
        }
        return failure;
    }

    private void call(String doing, Runnable producerCall) {
        try {
            producerCall.run();
        } catch (KafkaException e) {
            SinkFailure failure = stopIfFatal(KafkaErrors.classify(app, doing, e));
            throw failure.isRetriable() ? lost(failure, e) : failure;
        }
    }

    private void closeProducer(Duration timeout) {
        Producer<String, byte[]> open = producer;
        producer = null;
        transactionOpen = false;
        if (open != null) {
            try {
                open.close(timeout); // unflushed records of an open transaction are dropped: it is never committed
            } catch (KafkaException e) {
                log.warn("{}: closing the producer: {}", app, e.toString());
            }
        }
    }

    private Producer<String, byte[]> requireProducer() {
        Producer<String, byte[]> open = producer;
        if (open == null) {
            throw fatal != null ? fatal : new IllegalStateException(app + ": the producer is not open");
        }
        return open;
    }

    private Sends sends() {
        return new Sends(requireProducer(), lane, config.maxInFlight());
    }

    private Mono<Void> onLane(Runnable task) {
        return Mono.fromRunnable(task)
                .subscribeOn(lane) // why: producer calls block (max.block.ms) and must not interleave for one app
                .then();
    }

    private static AppState fold(AppState before, List<Transition> transitions) {
        AppState.Builder state = before.toBuilder(); // one copy of the app's rooms per batch, not per transition
        transitions.forEach(state::apply);
        return state.build();
    }

    private List<ProducerRecord<String, byte[]>> events(List<Transition> transitions) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Transition transition : transitions) {
            for (PresenceEvent event : transition.events()) {
                requireApp(event);
                records.add(EventRecords.toRecord(config.topicFor(event.type()), event));
            }
        }
        return records;
    }

    private void requireApp(PresenceEvent event) {
        if (!event.key().app().equals(app)) {
            throw new IllegalArgumentException("event of " + event.key().app() + " committed for " + app);
        }
    }
}
