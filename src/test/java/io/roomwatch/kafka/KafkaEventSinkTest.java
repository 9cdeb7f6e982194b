package io.roomwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.SinkFenced;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.sink.SinkRejected;
import io.roomwatch.sink.SinkUnavailable;
import io.roomwatch.testing.SinkDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Sink edge cases with Kafka's {@link MockProducer}: classification and lane state, not proof of delivery. */
class KafkaEventSinkTest {

    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<MockProducer<String, byte[]>> producers = new ArrayList<>();
    private final List<AppState> loads = new ArrayList<>();
    private final InMemoryClaims.Log claims = new InMemoryClaims.Log();
    private AppState stored = AppState.empty(APP);
    private KafkaEventSink sink;
    private SinkDriver driver;

    @AfterEach
    void close() {
        sink.close(Duration.ZERO).block(WAIT);
    }

    @Test
    void whenCommitting_thenEventsThenStateInOneTransaction() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);

        driver.commit(APP, List.of(first)).block(WAIT);

        MockProducer<String, byte[]> producer = producers.get(0);
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history().stream().map(ProducerRecord::topic))
                .containsExactly(
                        "roomwatch.events",
                        "roomwatch.events",
                        "roomwatch.state",
                        "roomwatch.state",
                        "roomwatch.state");
        assertThat(producer.history().stream().map(ProducerRecord::key))
                .containsExactly(
                        "volcengine/app-1/r1",
                        "volcengine/app-1/r2",
                        "volcengine/app-1/r1",
                        "volcengine/app-1/r2",
                        "volcengine/app-1");
    }

    @Test
    void givenAtLeastOnce_whenCommitting_thenNoTransaction_andStateAfterEvents() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1").withDeliveryMode(DeliveryMode.AT_LEAST_ONCE));
        Story story = new Story(APP);

        driver.commit(APP, List.of(story.script().get(0).apply(story))).block(WAIT);

        MockProducer<String, byte[]> producer = producers.get(0);
        assertThat(producer.transactionInitialized()).isFalse();
        assertThat(producer.history().stream().map(ProducerRecord::topic))
                .containsExactly(
                        "roomwatch.events",
                        "roomwatch.events",
                        "roomwatch.state",
                        "roomwatch.state",
                        "roomwatch.state");
    }

    @Test
    void givenCommitTimesOut_whenCommitting_thenInDoubt_andNextCommitReloadsOnFreshProducer() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        driver.load(APP);
        Transition first = story.script().get(0).apply(story);
        producers.get(0).commitTransactionException = new TimeoutException("lost the coordinator");

        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .isInstanceOf(SinkInDoubt.class)
                .hasMessageContaining("may or may not be committed");
        assertThat(producers.get(0).closed()).isTrue();

        driver.reload(APP); // the engine settles (a fresh producer settles the transaction) and reloads
        driver.commit(APP, List.of(first)).block(WAIT); // it was not committed: the store still has the old state
        assertThat(producers).hasSize(2);
        assertThat(loads).hasSize(2);
        assertThat(producers.get(1).commitCount()).isEqualTo(1);
    }

    @Test
    void givenInDoubtCommit_whenRedoingWithoutReloading_thenInDoubtAgain_andNothingWritten() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);
        driver.load(APP);
        producers.get(0).commitTransactionException = new TimeoutException("lost the coordinator");
        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT)).isInstanceOf(SinkInDoubt.class);

        stored = AppState.empty(APP).apply(first); // the broker did commit it
        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .isInstanceOf(SinkInDoubt.class)
                .hasMessageContaining("reload");
        assertThat(producers.get(1).history())
                .as("nothing written from a state that may be stale")
                .isEmpty();
        assertThat(driver.reload(APP)).isEqualTo(stored);
    }

    @Test
    void givenFenced_whenCommitting_thenFatal_andEveryLaterCommitFailsTheSameWithoutANewProducer() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);
        driver.load(APP);
        claims.append(APP, "another instance"); // which then took the transactional id
        producers.get(0).commitTransactionException = new ProducerFencedException("newer epoch");

        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT)).isInstanceOf(SinkFenced.class);
        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT)).isInstanceOf(SinkFenced.class);
        assertThat(producers).hasSize(1);
        assertThat(producers.get(0).closed()).isTrue();
    }

    @Test
    void givenAbortFailsWithAnUnknownServerError_afterAnotherInstanceClaimedTheApp_thenFencedAtOnce_withoutReinit() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);
        driver.load(APP);
        claims.append(APP, "the successor"); // a new instance claimed the app, then took the transactional id
        producers.get(0).commitTransactionException = new KafkaException("Unhandled error in EndTxnResponse");
        producers.get(0).abortTransactionException = new KafkaException("Unhandled error in EndTxnResponse");

        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .isInstanceOf(SinkFenced.class)
                .hasMessageContaining("the successor")
                .hasMessageContaining("not taken back");
        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT)).isInstanceOf(SinkFenced.class);
        assertThat(producers)
                .as("initTransactions never called again: the successor keeps the id")
                .hasSize(1);
    }

    @Test
    void givenAbortFailsWithAnUnknownServerError_andNoLaterClaim_thenNextCommitReopensReloadsAndCommits() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);
        driver.load(APP);
        producers.get(0).commitTransactionException = new KafkaException("Unhandled error in EndTxnResponse");
        producers.get(0).abortTransactionException = new KafkaException("Unhandled error in EndTxnResponse");

        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .isInstanceOf(SinkUnavailable.class)
                .satisfies(e -> assertThat(((SinkUnavailable) e).isRetriable()).isTrue());
        assertThat(producers.get(0).closed()).isTrue();

        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .as("nobody claimed the app since: the id is taken back, and the caller told to reload")
                .isInstanceOf(SinkInDoubt.class);
        driver.reload(APP);
        driver.commit(APP, List.of(first)).block(WAIT);
        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).transactionInitialized()).isTrue();
        assertThat(loads).as("the state is reloaded after re-opening").hasSize(2);
        assertThat(producers.get(1).commitCount()).isEqualTo(1);
    }

    @Test
    void givenFencedByTheBrokersOwnTimeoutAbort_andNoLaterClaim_thenRetriable_andTheIdIsTakenBack() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);
        driver.load(APP);
        producers.get(0).commitTransactionException = new ProducerFencedException("epoch bumped by a timeout abort");

        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("lost the transactional id");
        driver.reload(APP);
        driver.commit(APP, List.of(first)).block(WAIT);
        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).commitCount()).isEqualTo(1);
    }

    @Test
    void givenCommitInDoubt_whenAnotherInstanceClaimsBeforeTheRedo_thenFenced_withoutReinit() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        Transition first = story.script().get(0).apply(story);
        driver.load(APP);
        producers.get(0).commitTransactionException = new TimeoutException("lost the coordinator");
        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT)).isInstanceOf(SinkInDoubt.class);

        claims.append(APP, "the successor");
        assertThatThrownBy(() -> driver.commit(APP, List.of(first)).block(WAIT))
                .isInstanceOf(SinkFenced.class)
                .hasMessageContaining("re-opening the producer");
        assertThat(producers).hasSize(1);
    }

    @Test
    void givenAppOpened_thenClaimedOnceBeforeTheFirstInitTransactions() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        driver.load(APP);
        driver.load(APP);

        assertThat(claims.size()).isEqualTo(1);
        assertThat(producers).hasSize(1);
    }

    /** Issue 16: an idle zombie learns it is fenced within one check interval, without spending a transaction. */
    @Test
    void givenIdle_whenAnotherInstanceClaimsTheApp_thenLostSignalsFencedWithinOneCheckInterval_withoutATransaction() {
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1").withOwnershipCheckInterval(Duration.ofSeconds(30)), timer);
        driver.load(APP);
        AppSession session = driver.session(APP);
        AtomicReference<Throwable> lost = new AtomicReference<>();
        session.lost().subscribe(v -> {}, lost::set);

        int checked = claims.checks();
        timer.advanceTimeBy(Duration.ofSeconds(30)); // a check: still ours
        await(() -> claims.checks() > checked);
        claims.append(APP, "the successor");
        timer.advanceTimeBy(Duration.ofSeconds(29));
        assertThat(lost.get()).as("not before the next check").isNull();
        timer.advanceTimeBy(Duration.ofSeconds(1));

        await(() -> lost.get() != null);
        assertThat(lost.get()).isInstanceOf(SinkFenced.class).hasMessageContaining("the successor");
        assertThat(producers.get(0).commitCount())
                .as("no transaction spent on checking")
                .isZero();
        assertThatThrownBy(() -> driver.commit(APP, List.of()).block(WAIT)).isInstanceOf(SinkFenced.class);
    }

    @Test
    void givenCommitsSinceTheLastCheck_thenTheNextCheckIsSkipped_aCommitProvesOwnership() {
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1").withOwnershipCheckInterval(Duration.ofSeconds(30)), timer);
        Story story = new Story(APP);
        driver.load(APP);
        AtomicReference<Throwable> lost = new AtomicReference<>();
        driver.session(APP).lost().subscribe(v -> {}, lost::set);
        driver.commit(APP, List.of(story.script().get(0).apply(story))).block(WAIT);
        int checked = claims.checks();

        timer.advanceTimeBy(Duration.ofSeconds(30));
        await(() -> true);

        assertThat(claims.checks())
                .as("the commit since the last check proved the id was ours")
                .isEqualTo(checked);
        assertThat(lost.get()).isNull();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        // the check runs on the app's lane thread after the virtual tick: wait for it, bounded
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Mono.delay(Duration.ofMillis(50)).block(WAIT); // and let a lane task still queued run
    }

    @Test
    void givenNotAuthorized_whenSending_thenRejected_andTransactionAborted() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story story = new Story(APP);
        driver.load(APP);
        producers.get(0).sendException = new TopicAuthorizationException("no write on roomwatch.events");

        assertThatThrownBy(
                        () -> driver.commit(APP, List.of(story.script().get(0).apply(story)))
                                .block(WAIT))
                .isInstanceOf(SinkRejected.class)
                .hasMessageContaining("roomwatch.events");
    }

    @Test
    void givenEventOfAnotherApp_whenCommitting_thenIllegalArgument() {
        sink = sink(KafkaSinkConfig.defaults("127.0.0.1:1"));
        Story other = new Story(AppKey.of(Provider.TENCENT_LIVE, "1400"));
        Transition foreign = other.script().get(0).apply(other);

        assertThatThrownBy(() -> driver.commit(APP, List.of(foreign)).block(WAIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private KafkaEventSink sink(KafkaSinkConfig config) {
        return sink(config, Schedulers.immediate());
    }

    private KafkaEventSink sink(KafkaSinkConfig config, reactor.core.scheduler.Scheduler timer) {
        KafkaEventSink created =
                KafkaEventSink.create(config, this::producer, new InMemoryClaims(claims, "this"), () -> {}, timer);
        driver = new SinkDriver(created, this::load);
        return created;
    }

    private Mono<AppState> load(AppKey app) {
        return Mono.fromSupplier(() -> {
            loads.add(stored);
            return stored;
        });
    }

    private MockProducer<String, byte[]> producer(AppKey app) {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        producers.add(producer);
        return producer;
    }
}
