package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.EventSink;
import io.roomwatch.state.SnapshotStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link EventSink} on plain {@code kafka-clients}: events to the event topic(s) (key {@code
 * provider/appId/roomId}, JSON value, CloudEvents headers, see {@link EventRecords}), room state to the compacted
 * state topic ({@link io.roomwatch.kafka.StateRecords}).
 *
 * <p><b>Exactly-once</b> (default): one producer per app with {@code transactional.id} = prefix + app key; each
 * {@link #commit} is one transaction holding the events, in order, and the state records of the state they lead to.
 * A second instance with the same transactional id fences this one ({@link io.roomwatch.sink.SinkFenced}).
 * <b>At-least-once</b>: the idempotent producer sends the events, then (all acknowledged) the room records, then the
 * app record; a failure redoes the cycle, so an event may appear twice with the same {@code eventId}.
 *
 * <p>State records are derived from the state the sink last committed for the app, which it restores from the state
 * topic when the app's lane opens. Use {@link #snapshotStore()} as the application's {@link SnapshotStore}: its
 * {@code load} first opens the lane (fencing an older instance and settling its transaction), then reads the state.
 *
 * <p>Threads: each app has its own lane thread; every producer call for the app runs there, so {@code send}s are
 * issued in order and a blocking call ({@code max.block.ms}) never blocks a caller's thread. Signals arrive on the
 * lane thread. Backpressure: {@code commit} completes only when the batch is durable; at most {@link
 * KafkaSinkConfig#maxInFlight()} records of an app are unacknowledged, and {@code buffer.memory} bounds the bytes.
 * Errors are {@link io.roomwatch.sink.SinkFailure}s; a commit fails within about {@code blockTimeout +
 * deliveryTimeout + blockTimeout} when the broker is gone.
 */
public final class KafkaEventSink implements EventSink {

    private static final Duration FOREVER = Duration.ofDays(36_500);

    private final KafkaSinkConfig config;
    private final SnapshotStore store;
    private final Function<AppKey, Producer<String, byte[]>> producers;
    private final Claims claims;
    private final Map<AppKey, AppLane> lanes = new ConcurrentHashMap<>();
    private final Mono<Void> topicsCreated;

    private KafkaEventSink(
            KafkaSinkConfig config,
            SnapshotStore store,
            Function<AppKey, Producer<String, byte[]>> producers,
            Claims claims,
            Runnable ensureTopics) {
        this.config = config;
        this.store = store;
        this.producers = producers;
        this.claims = claims;
        this.topicsCreated = Mono.fromRunnable(ensureTopics)
                .subscribeOn(Schedulers.boundedElastic()) // why: admin calls block up to blockTimeout
                .then()
                .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER); // retried until created once
    }

    /**
     * A sink for {@code config}; {@code store} restores an app's committed state (normally {@link
     * io.roomwatch.kafka.KafkaSnapshotStore#create}). Allocates nothing until the first commit or load of an
     * app; topics are created (if missing) then.
     */
    public static KafkaEventSink create(KafkaSinkConfig config, SnapshotStore store) {
        return new KafkaEventSink(
                config,
                store,
                app -> new KafkaProducer<>(ProducerSettings.of(config, app)),
                new KafkaClaims(config),
                () -> Topics.ensure(config));
    }

    /**
     * For tests: producers come from {@code producers} (a decorated or mock producer), ownership claims are made on
     * the state topic, topics come from {@code ensureTopics}.
     */
    static KafkaEventSink create(
            KafkaSinkConfig config,
            SnapshotStore store,
            Function<AppKey, Producer<String, byte[]>> producers,
            Runnable ensureTopics) {
        return new KafkaEventSink(config, store, producers, new KafkaClaims(config), ensureTopics);
    }

    /** For tests: as {@link #create(KafkaSinkConfig, SnapshotStore, Function, Runnable)}, with claims from {@code claims}. */
    static KafkaEventSink create(
            KafkaSinkConfig config,
            SnapshotStore store,
            Function<AppKey, Producer<String, byte[]>> producers,
            Claims claims,
            Runnable ensureTopics) {
        return new KafkaEventSink(config, store, producers, claims, ensureTopics);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Lazy. Completes on the app's lane thread when the transaction is committed (at-least-once: when every record
     * is acknowledged). Errors: {@link io.roomwatch.sink.SinkUnavailable} (nothing visible; redo from the state you
     * had), {@link io.roomwatch.sink.SinkInDoubt} (reload the state via {@link #snapshotStore()} first), {@link
     * io.roomwatch.sink.SinkFenced} and {@link io.roomwatch.sink.SinkRejected} (fatal: every later commit of the app
     * fails the same way).
     */
    @Override
    public Mono<Void> commit(AppKey app, List<Transition> transitions) {
        return topicsCreated
                .then(Mono.defer(() -> lane(app).commit(transitions)))
                .onErrorMap(KafkaException.class, e -> KafkaErrors.classify(app, "commit", e));
    }

    /**
     * The application's {@link SnapshotStore}: {@code load(app)} opens the app's producer ({@code initTransactions}
     * fences an older instance and settles a transaction it left open), then reads the committed state from the
     * state topic, which the sink also takes as its own starting point. Lazy; same errors as {@link #commit}, plus
     * those of the underlying store.
     */
    public SnapshotStore snapshotStore() {
        return app -> topicsCreated
                .then(Mono.defer(() -> lane(app).restore()))
                .onErrorMap(KafkaException.class, e -> KafkaErrors.classify(app, "restoring state", e));
    }

    /**
     * Forgets the retirement marks of {@code app}'s incarnations created before {@code cutoff} (see {@link
     * AppState#forgetRetiredBefore}): rooms left with neither a live incarnation nor a mark get a tombstone, so
     * compaction drops them. Call it with the same cutoff the engine applies to its own state. Lazy; one transaction
     * (exactly-once); same errors as {@link #commit}; must not overlap a commit of the same app.
     */
    @Override
    public Mono<Void> forgetRetiredBefore(AppKey app, Instant cutoff) {
        return topicsCreated
                .then(Mono.defer(() -> lane(app).prune(cutoff)))
                .onErrorMap(KafkaException.class, e -> KafkaErrors.classify(app, "pruning", e));
    }

    /**
     * Closes every app's producer (aborting a transaction still open) and lane. Call it after the last commit
     * completed. Lazy; waits up to {@code timeout} per producer.
     */
    public Mono<Void> close(Duration timeout) {
        return Flux.fromIterable(List.copyOf(lanes.values()))
                .flatMap(lane -> lane.close(timeout))
                .then(Mono.fromRunnable(lanes::clear))
                .then(Mono.fromRunnable(claims::close));
    }

    private AppLane lane(AppKey app) {
        return lanes.computeIfAbsent(app, key -> new AppLane(key, config, producers, store, claims, newLane(key)));
    }

    private static reactor.core.scheduler.Scheduler newLane(AppKey app) {
        return Schedulers.newSingle("roomwatch-kafka-" + app, true);
    }
}
