package io.roomwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.StateChange;
import io.roomwatch.sink.SinkFenced;
import io.roomwatch.sink.SinkRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.TransactionContext;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The hand-off between the engine and Connect's {@code poll()}: bounded, a commit completes only when Connect reports
 * every record written, and the delivery modes' record order. Waits are bounded by {@code take}'s own timeout.
 */
class HandoffTest {

    static final AppKey APP = EventStructsTest.ROOM.key().app();
    static final KafkaSinkConfig KAFKA = KafkaSinkConfig.defaults("127.0.0.1:9092");
    static final RecordMetadata WRITTEN = new RecordMetadata(new TopicPartition("t", 0), 0, 0, 0, 0, 0);

    static StateChange oneRoomCreated() {
        AppState before = AppState.empty(APP);
        AppState after = new AppState(
                APP,
                Map.of("room-1", RoomState.created(EventStructsTest.ROOM, EventStructsTest.CREATED)),
                Map.of(),
                Instant.parse("2026-11-22T10:00:30Z"));
        return StateChange.between(before, after);
    }

    static ConnectSession session(Handoff handoff, boolean transactional) {
        return new ConnectSession(APP, KAFKA, transactional, handoff, Schedulers.immediate(), 41);
    }

    static void acknowledgeAll(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            for (SourceRecord record : delivery.records()) {
                ((BatchRecord) record).delivery().acknowledged(record, WRITTEN);
            }
        }
    }

    @Test
    void exactlyOnce_oneDeliveryPerBatch_eventsThenStateRecords_doneOnlyWhenEveryRecordIsWritten()
            throws InterruptedException {
        Handoff handoff = new Handoff(1);
        List<PresenceEvent> events = List.of(EventStructsTest.everyKind().get(0));
        Sinks.Empty<Void> done = Sinks.empty();
        Disposable commit = session(handoff, true)
                .commit(oneRoomCreated(), events)
                .subscribe(v -> {}, done::tryEmitError, done::tryEmitEmpty);
        try {
            List<Delivery> taken = handoff.take(Duration.ofSeconds(5));
            assertThat(taken).hasSize(1);
            List<SourceRecord> records = taken.get(0).records();
            assertThat(records)
                    .extracting(SourceRecord::topic)
                    .containsExactly("roomwatch.events", "roomwatch.state", "roomwatch.state");
            assertThat(records)
                    .extracting(r -> String.valueOf(r.key()))
                    .containsExactly(
                            "volcengine/661e0000543cf/room-1",
                            "volcengine/661e0000543cf/room-1",
                            "volcengine/661e0000543cf");
            assertThat(records).allSatisfy(r -> {
                assertThat(r.sourcePartition()).isEqualTo(Map.of("app", APP.toString()));
                assertThat(r.sourceOffset()).isEqualTo(Map.of("batch", 42L));
            });
            assertThat(records.get(1).valueSchema()).isEqualTo(ConnectSession.STATE);

            taken.get(0).acknowledged(records.get(0), WRITTEN);
            taken.get(0).acknowledged(records.get(1), WRITTEN);
            assertThat(commit.isDisposed())
                    .as("one record not yet reported written")
                    .isFalse();
            taken.get(0).acknowledged(records.get(2), WRITTEN);
            StepVerifier.create(done.asMono()).verifyComplete();
        } finally {
            commit.dispose();
        }
    }

    @Test
    void poll_asksConnectToCommitOneTransactionAfterEachBatchsLastRecord() throws InterruptedException {
        Handoff handoff = new Handoff(2);
        AppKey other = AppKey.of(Provider.VOLCENGINE, "other-app");
        ConnectSession second = new ConnectSession(other, KAFKA, true, handoff, Schedulers.immediate(), 0);
        Disposable a = session(handoff, true)
                .commit(oneRoomCreated(), List.of(EventStructsTest.everyKind().get(0)))
                .subscribe();
        AppState empty = AppState.empty(other);
        Disposable b = second.commit(
                        StateChange.between(empty, empty),
                        EventStructsTest.everyKind().subList(1, 3))
                .subscribe();
        RecordingTransactions transactions = new RecordingTransactions();
        try {
            List<SourceRecord> records = TaskEngine.handOver(handoff.take(Duration.ofSeconds(5)), transactions);

            assertThat(records).hasSize(5);
            assertThat(transactions.commits).containsExactly(records.get(2), records.get(4));
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    /** Connect's transaction context, recording the records after which the task asked for a commit. */
    static final class RecordingTransactions implements TransactionContext {
        final List<SourceRecord> commits = new ArrayList<>();

        @Override
        public void commitTransaction() {
            throw new AssertionError("roomwatch commits after a record, never the whole poll batch");
        }

        @Override
        public void commitTransaction(SourceRecord record) {
            commits.add(record);
        }

        @Override
        public void abortTransaction() {
            throw new AssertionError("roomwatch never aborts");
        }

        @Override
        public void abortTransaction(SourceRecord record) {
            throw new AssertionError("roomwatch never aborts");
        }
    }

    private static List<Delivery> takeNow(Handoff handoff) {
        try {
            return handoff.take(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceRecord> records(List<Delivery> deliveries) {
        return deliveries.stream().flatMap(d -> d.records().stream()).toList();
    }

    @Test
    void atLeastOnce_eventsFirst_theRoomsOnlyOnceTheyAreWritten_thenTheApp() throws InterruptedException {
        Handoff handoff = new Handoff(1);
        List<PresenceEvent> events = List.of(EventStructsTest.everyKind().get(0));
        Disposable commit =
                session(handoff, false).commit(oneRoomCreated(), events).subscribe();
        try {
            List<Delivery> first = handoff.take(Duration.ofSeconds(5));
            assertThat(records(first)).extracting(SourceRecord::topic).containsExactly("roomwatch.events");
            assertThat(handoff.take(Duration.ofMillis(20)))
                    .as("rooms wait for the events")
                    .isEmpty();

            acknowledgeAll(first);
            List<Delivery> rooms = handoff.take(Duration.ofSeconds(5));
            assertThat(records(rooms))
                    .extracting(r -> String.valueOf(r.key()))
                    .containsExactly("volcengine/661e0000543cf/room-1");

            acknowledgeAll(rooms);
            List<Delivery> app = handoff.take(Duration.ofSeconds(5));
            assertThat(records(app))
                    .extracting(r -> String.valueOf(r.key()))
                    .containsExactly("volcengine/661e0000543cf");
            acknowledgeAll(app);
        } finally {
            commit.dispose();
        }
    }

    @Test
    void take_waitsNoLongerThanAsked_whenNothingIsHandedOver() throws InterruptedException {
        Handoff handoff = new Handoff(3);
        long started = System.nanoTime();

        assertThat(handoff.take(Duration.ofMillis(50))).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theQueueIsBounded_byOneOutstandingCommitPerApp() {
        Handoff handoff = new Handoff(1);
        ConnectSession session = session(handoff, true);
        List<PresenceEvent> events = List.of(EventStructsTest.everyKind().get(0));
        Disposable first = session.commit(oneRoomCreated(), events).subscribe();
        try {
            // a second batch while the first waits is a bug of the caller: refused loudly, never queued
            StepVerifier.create(session.commit(oneRoomCreated(), events))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("more deliveries waiting than apps"))
                    .verify(Duration.ofSeconds(5));
        } finally {
            first.dispose();
        }
    }

    @Test
    void aBatchWithoutRecords_completesAtOnce_handingNothingOver() throws InterruptedException {
        Handoff handoff = new Handoff(1);
        AppState state = AppState.empty(APP);

        StepVerifier.create(session(handoff, true).commit(StateChange.between(state, state), List.of()))
                .verifyComplete();
        assertThat(handoff.take(Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void closing_failsWhatWaits_andRefusesMore() {
        Handoff handoff = new Handoff(2);
        ConnectSession session = session(handoff, true);
        List<PresenceEvent> events = List.of(EventStructsTest.everyKind().get(0));

        StepVerifier.create(session.commit(oneRoomCreated(), events))
                .then(() -> handoff.close(app -> new SinkFenced(app, "the Connect task stopped", null)))
                .expectError(SinkFenced.class)
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(session.commit(oneRoomCreated(), events))
                .expectError(SinkFenced.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aStateRecordConnectDidNotWrite_failsTheCommitAsRejected_aDroppedEventDoesNot() throws InterruptedException {
        Handoff handoff = new Handoff(1);
        List<PresenceEvent> events = List.of(EventStructsTest.everyKind().get(0));
        Mono<Void> commit = session(handoff, true).commit(oneRoomCreated(), events);

        StepVerifier.create(commit)
                .then(() -> {
                    List<SourceRecord> records = records(takeNow(handoff));
                    Delivery delivery = ((BatchRecord) records.get(0)).delivery();
                    delivery.acknowledged(records.get(0), null); // an event dropped by a transformation
                    delivery.acknowledged(records.get(1), null); // a state record dropped
                    delivery.acknowledged(records.get(2), WRITTEN);
                })
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(SinkRejected.class)
                        .hasMessageContaining("volcengine/661e0000543cf/room-1"))
                .verify(Duration.ofSeconds(5));
    }
}
