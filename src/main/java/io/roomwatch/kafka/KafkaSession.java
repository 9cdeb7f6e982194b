package io.roomwatch.kafka;

import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.kafka.Claims.Claim;
import io.roomwatch.kafka.SendResult.Failed;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.StateChange;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkFenced;
import io.roomwatch.sink.SinkInDoubt;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One app's transactional session with Kafka: its producer (one per app, so the transactional id is stable per app),
 * its lane thread (every producer call happens there, in order), and its ownership claim. It holds no state of the
 * app: each commit is told the state before and after ({@link StateChange}) and writes the difference.
 *
 * <p>Ownership: the session claims the app ({@link Claims}) before it first opens the producer, which fences older
 * instances. Whenever an error closed the producer, the next opening takes the transactional id back only if no other
 * instance claimed the app since; otherwise the app is fenced ({@link SinkFenced}) and stays so. After an error that
 * may hide a fencing (anything but a timeout or a lost connection), the claims are checked at once, so a fenced app
 * learns it from that error. A commit that had to re-open the producer fails with {@link SinkInDoubt} before writing
 * anything: whoever held the id meanwhile may have written, so the caller reloads first. While the app is idle, {@link
 * #lost()} checks the claims every {@link KafkaSinkConfig#ownershipCheckInterval()} (skipped when a commit succeeded
 * since the last check: a commit proves the id was still ours).
 *
 * <p>Mutable fields are only touched from the lane thread (calls for one app never overlap, see {@link AppSession});
 * volatile makes the hand-over between threads visible.
 */
final class KafkaSession implements AppSession {

    private static final Logger log = LoggerFactory.getLogger(KafkaSession.class);

    private final AppKey app;
    private final KafkaSinkConfig config;
    private final Function<AppKey, Producer<String, byte[]>> producers;
    private final Claims claims;
    private final Scheduler lane;
    private final Scheduler timer;

    private volatile @Nullable Producer<String, byte[]> producer;
    /** Where this instance claimed the app; null until the first opening. */
    private volatile @Nullable Claim claim;
    /** The producer was opened again after an error: the next commit must first make the caller reload. */
    private volatile boolean reopened;
    /** A commit succeeded since the last ownership check (it proves the id was still ours). */
    private volatile boolean committedSinceCheck;

    private volatile boolean transactionOpen;
    private volatile @Nullable SinkFailure fatal;

    KafkaSession(
            AppKey app,
            KafkaSinkConfig config,
            Function<AppKey, Producer<String, byte[]>> producers,
            Claims claims,
            Scheduler lane,
            Scheduler timer) {
        this.app = app;
        this.config = config;
        this.producers = producers;
        this.claims = claims;
        this.lane = lane;
        this.timer = timer;
    }

    @Override
    public AppKey app() {
        return app;
    }

    /** Claims the app (the first time) and opens the producer, fencing an older instance and settling its txn. */
    Mono<Void> open() {
        return classified(onLane(() -> openProducer(false)), "opening");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Signals on the lane thread. A commit fails within about {@code blockTimeout + deliveryTimeout +
     * blockTimeout} when the broker is gone.
     */
    @Override
    public Mono<Void> commit(StateChange change, List<PresenceEvent> events) {
        return classified(
                onLane(() -> openProducer(true)).then(Mono.defer(() -> write(change, records(events)))), "commit");
    }

    @Override
    public Mono<Void> settle() {
        return classified(onLane(() -> openProducer(false)), "settling");
    }

    @Override
    public Mono<Void> lost() {
        Duration every = config.ownershipCheckInterval();
        return Flux.interval(every, every, timer)
                .onBackpressureDrop() // a check still running: skip this tick
                .concatMap(tick -> onLane(this::checkOwnership), 0)
                .then();
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

    // ---- opening and ownership

    /**
     * Opens the producer if it is not: the first time after claiming the app, later only if no other instance
     * claimed it since. Aborts a transaction left open by a cancelled commit.
     *
     * @param failIfReopened whether a re-opening must fail the caller with {@link SinkInDoubt} (a commit: its {@code
     *     before} state may be stale); a settle reloads anyway
     */
    private void openProducer(boolean failIfReopened) {
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
                reopened = true;
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
        if (reopened) {
            reopened = false;
            if (failIfReopened) {
                throw new SinkInDoubt(
                        app,
                        "the producer was re-opened after an error; whoever held the app meanwhile may have written:"
                                + " reload the state before committing",
                        null);
            }
        }
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

    /** A periodic check while idle: fenced if another instance claimed the app; a failed check proves nothing. */
    private void checkOwnership() {
        SinkFailure stopped = fatal;
        if (stopped != null) {
            throw stopped;
        }
        Claim held = claim;
        if (held == null || committedSinceCheck) {
            committedSinceCheck = false;
            return;
        }
        try {
            requireOwnership(held, "checking ownership while idle");
        } catch (KafkaException e) {
            log.debug("{}: ownership check failed, tried again in {}: {}", app, config.ownershipCheckInterval(), e);
        }
    }

    // ---- writing

    private Mono<Void> write(StateChange change, List<ProducerRecord<String, byte[]>> events) {
        if (config.deliveryMode() == DeliveryMode.EXACTLY_ONCE) {
            List<ProducerRecord<String, byte[]>> all = new ArrayList<>(events);
            all.addAll(StateRecords.changes(config.stateTopic(), change));
            return transaction(all);
        }
        return acknowledged(events)
                .then(Mono.defer(() -> acknowledged(StateRecords.roomChanges(config.stateTopic(), change))))
                .then(Mono.defer(() ->
                        acknowledged(StateRecords.appChange(config.stateTopic(), change.before(), change.after()))))
                .then(onLane(() -> committed(events.size())));
    }

    private Mono<Void> transaction(List<ProducerRecord<String, byte[]>> records) {
        return onLane(this::begin)
                .then(Mono.defer(() -> sends().firstFailure(records)))
                .flatMap(failure -> onLane(() -> end(failure, records.size())));
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

    private void end(Optional<Failed> failure, int records) {
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
        committed(records);
    }

    private void committed(int records) {
        committedSinceCheck = true;
        log.debug("{}: committed {} records", app, records);
    }

    // ---- errors

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

    /** A commit whose outcome is unknown: close the producer; re-opening it (settle) completes or aborts the txn. */
    private SinkInDoubt doubt(RuntimeException e) {
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

    /** Kafka's exceptions that escape (the claims, a producer call outside the wrappers) classified once, here. */
    private Mono<Void> classified(Mono<Void> work, String doing) {
        return work.onErrorMap(KafkaException.class, e -> KafkaErrors.classify(app, doing, e));
    }

    private List<ProducerRecord<String, byte[]>> records(List<PresenceEvent> events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (PresenceEvent event : events) {
            if (!event.key().app().equals(app)) {
                throw new IllegalArgumentException("event of " + event.key().app() + " committed for " + app);
            }
            records.add(EventRecords.toRecord(config.topicFor(event.type()), event));
        }
        return records;
    }
}
