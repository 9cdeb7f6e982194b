package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link EventSink} on plain {@code kafka-clients}: events to the event topic(s) (key {@code
 * provider/appId/roomId}, JSON value, CloudEvents headers, see {@link EventRecords}), room state to the compacted
 * state topic ({@link StateRecords}), one {@link KafkaSession} per app.
 *
 * <p><b>Exactly-once</b> (default): one producer per app with {@code transactional.id} = prefix + app key; each
 * commit is one transaction holding the events, in order, and the state records of the change. {@link #open} claims
 * the app and takes the id, fencing an older instance ({@link io.roomwatch.sink.SinkFenced}) and settling a
 * transaction it left open. <b>At-least-once</b>: the idempotent producer sends the events, then (all acknowledged)
 * the room records, then the app record; a failure redoes the cycle, so an event may appear twice with the same {@code
 * eventId}.
 *
 * <p>Threads: each app has its own lane thread; every producer call for the app runs there, so {@code send}s are
 * issued in order and a blocking call ({@code max.block.ms}) never blocks a caller's thread. Signals arrive on the
 * lane thread. Backpressure: a commit completes only when the batch is durable; at most {@link
 * KafkaSinkConfig#maxInFlight()} records of an app are unacknowledged, and {@code buffer.memory} bounds the bytes.
 * Errors are {@link io.roomwatch.sink.SinkFailure}s.
 */
public final class KafkaEventSink implements EventSink {

    private static final Duration FOREVER = Duration.ofDays(36_500);

    private final KafkaSinkConfig config;
    private final Function<AppKey, Producer<String, byte[]>> producers;
    private final Claims claims;
    private final Scheduler timer;
    private final Map<AppKey, KafkaSession> sessions = new ConcurrentHashMap<>();
    private final Mono<Void> topicsCreated;

    private KafkaEventSink(
            KafkaSinkConfig config,
            Function<AppKey, Producer<String, byte[]>> producers,
            Claims claims,
            Runnable ensureTopics,
            Scheduler timer) {
        this.config = config;
        this.producers = producers;
        this.claims = claims;
        this.timer = timer;
        this.topicsCreated = Mono.fromRunnable(ensureTopics)
                .subscribeOn(Schedulers.boundedElastic()) // why: admin calls block up to blockTimeout
                .then()
                .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER); // retried until created once
    }

    /**
     * A sink for {@code config}. Allocates nothing until an app is opened; topics are created (if missing) then.
     *
     * @param timer the scheduler of the idle ownership checks ({@link KafkaSinkConfig#ownershipCheckInterval()})
     */
    public static KafkaEventSink create(KafkaSinkConfig config, Scheduler timer) {
        return new KafkaEventSink(
                config,
                app -> new KafkaProducer<>(ProducerSettings.of(config, app)),
                new KafkaClaims(config),
                () -> Topics.ensure(config),
                timer);
    }

    /** A sink for {@code config} whose idle ownership checks run on {@link Schedulers#parallel()}. */
    public static KafkaEventSink create(KafkaSinkConfig config) {
        return create(config, Schedulers.parallel());
    }

    /**
     * For tests: producers come from {@code producers} (a decorated or mock producer), ownership claims are made on
     * the state topic, topics come from {@code ensureTopics}.
     */
    static KafkaEventSink create(
            KafkaSinkConfig config, Function<AppKey, Producer<String, byte[]>> producers, Runnable ensureTopics) {
        return new KafkaEventSink(config, producers, new KafkaClaims(config), ensureTopics, Schedulers.parallel());
    }

    /** For tests: as {@link #create(KafkaSinkConfig, Function, Runnable)}, with claims from {@code claims}. */
    static KafkaEventSink create(
            KafkaSinkConfig config,
            Function<AppKey, Producer<String, byte[]>> producers,
            Claims claims,
            Runnable ensureTopics,
            Scheduler timer) {
        return new KafkaEventSink(config, producers, claims, ensureTopics, timer);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Lazy; signals on the app's lane thread. Creates the topics first if they are missing.
     */
    @Override
    public Mono<AppSession> open(AppKey app) {
        return topicsCreated
                .onErrorMap(KafkaException.class, e -> KafkaErrors.classify(app, "creating topics", e))
                .then(Mono.defer(() -> session(app).open()))
                .then(Mono.fromSupplier(() -> session(app)));
    }

    /**
     * Closes every app's producer (aborting a transaction still open) and lane. Call it after the last commit
     * completed. Lazy; waits up to {@code timeout} per producer.
     */
    public Mono<Void> close(Duration timeout) {
        return Flux.fromIterable(List.copyOf(sessions.values()))
                .flatMap(session -> session.close(timeout))
                .then(Mono.fromRunnable(sessions::clear))
                .then(Mono.fromRunnable(claims::close));
    }

    private KafkaSession session(AppKey app) {
        return sessions.computeIfAbsent(
                app, key -> new KafkaSession(key, config, producers, claims, newLane(key), timer));
    }

    private static Scheduler newLane(AppKey app) {
        return Schedulers.newSingle("roomwatch-kafka-" + app, true);
    }
}
