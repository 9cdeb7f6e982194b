package io.roomwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.broker.EmbeddedKafka;
import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.EventType;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.SinkFenced;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.sink.SinkUnavailable;
import io.roomwatch.testing.EventReplay;
import io.roomwatch.testing.SinkDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/** The Kafka sink and state store against a real single-node broker (one per class, topics per test). */
@Tag("slow")
@Timeout(120)
class KafkaEventSinkIT {

    private static final AppKey VOLC = AppKey.of(Provider.VOLCENGINE, "661e0000543cf");
    private static final AppKey TENCENT = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static EmbeddedKafka kafka;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws IOException {
        kafka = EmbeddedKafka.create(Files.createTempDirectory("roomwatch-sink-it-"));
        bootstrap = kafka.start();
    }

    @AfterAll
    static void stopBroker() throws IOException {
        kafka.stop();
        deleteRecursively(kafka.dataDir());
    }

    @Test
    void givenTwoAppsSharingTopics_whenCommitting_thenReadCommittedSeesEachEventOnceInOrder_andLoadEqualsFold() {
        KafkaSinkConfig config = config("shared").withRoutes(Map.of(EventType.USER_LEFT, "left-" + TOPICS.get()));
        Writer sink = writer(KafkaEventSink.create(config), config);
        Story volc = new Story(VOLC);
        Story tencent = new Story(TENCENT);
        assertThat(sink.load(VOLC)).isEqualTo(AppState.empty(VOLC));
        assertThat(sink.load(TENCENT)).isEqualTo(AppState.empty(TENCENT));

        for (Function<Story, Transition> step : volc.script()) {
            commit(sink, volc, step.apply(volc));
            commit(sink, tencent, step.apply(tencent));
        }
        close(sink);

        List<PresenceEvent> seen = committedEvents(config);
        assertThat(seen).hasSize(volc.events().size() + tencent.events().size());
        List<PresenceEvent> all =
                Stream.concat(volc.events().stream(), tencent.events().stream()).toList();
        assertInOrderPerRoomAndTopic(seen, all);
        new EventReplay()
                .acceptAll(
                        seen.stream().sorted(Comparator.comparing(all::indexOf)).toList());
        assertThat(volc.state().retired()).containsKey("r1").containsKey("r2");
        assertThat(volc.state().live()).containsOnlyKeys("r1");
        assertThat(volc.state().listedUntil()).isEqualTo(Story.at(600));
        KafkaSnapshotStore store = KafkaSnapshotStore.create(config);
        assertThat(store.load(VOLC).block(WAIT)).isEqualTo(volc.state());
        assertThat(store.load(TENCENT).block(WAIT)).isEqualTo(tencent.state());
    }

    @Test
    void givenFailureMidBatch_whenCommitting_thenNothingVisible_stateUnchanged_andRedoYieldsEachEventOnce() {
        KafkaSinkConfig config = config("abort");
        List<PoisonedProducer> producers = new ArrayList<>();
        Writer sink =
                writer(KafkaEventSink.create(config, poisoned(config, producers), () -> Topics.ensure(config)), config);
        Story story = new Story(VOLC);
        List<Function<Story, Transition>> script = story.script();
        sink.load(VOLC);
        commit(sink, story, script.get(0).apply(story));
        AppState before = story.state();

        Transition second = script.get(1).apply(story);
        assertThat(second.events()).hasSize(2); // alice and bob join; then r1's state record, which fails
        producers.get(0).poisonNext(record -> record.topic().equals(config.stateTopic()));
        assertThatThrownBy(() -> sink.commit(VOLC, List.of(second)).block(WAIT))
                .isInstanceOf(SinkUnavailable.class)
                .hasMessageContaining("injected failure");

        assertThat(committedEvents(config)).containsExactlyElementsOf(story.events());
        assertThat(TopicReader.uncommitted(bootstrap, List.of(config.eventsTopic())))
                .as("the batch's events were acknowledged (written to the log) before the failure, then aborted")
                .hasSize(story.events().size() + 2);
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(before);

        commit(sink, story, second); // the engine redoes the cycle from the state it had
        close(sink);
        List<PresenceEvent> seen = committedEvents(config);
        assertThat(seen).containsExactlyElementsOf(story.events());
        new EventReplay().acceptAll(seen);
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(story.state());
    }

    @Test
    void givenSecondInstanceWithSameTransactionalId_whenItOpens_thenFirstIsFencedAndStops_andSecondCommitsIntact() {
        KafkaSinkConfig config = config("fencing");
        Writer first = writer(KafkaEventSink.create(config), config);
        Story story = new Story(VOLC);
        List<Function<Story, Transition>> script = story.script();
        first.load(VOLC);
        commit(first, story, script.get(0).apply(story));

        Writer second = writer(KafkaEventSink.create(config), config);
        assertThat(second.load(VOLC)).isEqualTo(story.state());
        Transition next = script.get(1).apply(story);
        assertThatThrownBy(() -> first.commit(VOLC, List.of(next)).block(WAIT))
                .isInstanceOf(SinkFenced.class)
                .hasMessageContaining("fenced by another instance");
        assertThatThrownBy(() -> first.commit(VOLC, List.of(next)).block(WAIT)).isInstanceOf(SinkFenced.class);

        commit(second, story, next);
        commit(second, story, script.get(2).apply(story));
        close(first);
        close(second);
        List<PresenceEvent> seen = committedEvents(config);
        assertThat(seen).containsExactlyElementsOf(story.events());
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(story.state());
    }

    /**
     * Issue 19: the old instance's {@code EndTxn} fails with an error that hides the fencing (the broker's "unexpected
     * error"). It must not take the transactional id back from its successor: it checks the claims and stops.
     */
    @Test
    void givenEndTxnFailsAmbiguouslyAfterASuccessorTookTheId_thenTheOldInstanceStops_andTheSuccessorGoesOn() {
        KafkaSinkConfig config = config("ambiguous");
        List<PoisonedProducer> producers = new ArrayList<>();
        Writer old =
                writer(KafkaEventSink.create(config, poisoned(config, producers), () -> Topics.ensure(config)), config);
        Story story = new Story(VOLC);
        List<Function<Story, Transition>> script = story.script();
        old.load(VOLC);
        commit(old, story, script.get(0).apply(story));

        Writer successor = writer(KafkaEventSink.create(config), config);
        AppState before = story.state();
        List<AppState> successorLoaded = new ArrayList<>();
        // while the old instance's transaction is open, the successor claims the app and takes the id (aborting that
        // transaction); then the old instance's EndTxn fails with an error that does not say "fenced"
        producers
                .get(0)
                .failEndTxn(
                        new KafkaException("Unhandled error in EndTxnResponse: The server experienced an unexpected"
                                + " error when processing the request."),
                        // runs on the old instance's lane, a non-blocking Reactor thread: the driver joins, never
                        // blocks
                        () -> successorLoaded.add(successor.load(VOLC)));
        Transition next = script.get(1).apply(story);
        assertThatThrownBy(() -> old.commit(VOLC, List.of(next)).block(WAIT))
                .isInstanceOf(SinkFenced.class)
                .hasMessageContaining("fenced by another instance");
        assertThatThrownBy(() -> old.commit(VOLC, List.of(next)).block(WAIT)).isInstanceOf(SinkFenced.class);
        assertThat(producers).as("the old instance never re-initialised the id").hasSize(1);
        assertThat(successorLoaded).containsExactly(before);

        commit(successor, story, next); // the successor still holds the id
        commit(successor, story, script.get(2).apply(story));
        close(old);
        close(successor);
        assertThat(committedEvents(config)).containsExactlyElementsOf(story.events());
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(story.state());
    }

    /** The same ambiguous error with no successor: the lone instance takes its id back, reloads, and loses nothing. */
    @Test
    void givenEndTxnFailsAmbiguously_andNoOtherInstance_thenTheIdIsTakenBack_andEachEventCommittedOnce() {
        KafkaSinkConfig config = config("lone");
        List<PoisonedProducer> producers = new ArrayList<>();
        Writer sink =
                writer(KafkaEventSink.create(config, poisoned(config, producers), () -> Topics.ensure(config)), config);
        Story story = new Story(VOLC);
        List<Function<Story, Transition>> script = story.script();
        sink.load(VOLC);
        commit(sink, story, script.get(0).apply(story));

        producers.get(0).failEndTxn(new KafkaException("Unhandled error in EndTxnResponse"));
        Transition next = script.get(1).apply(story);
        assertThatThrownBy(() -> sink.commit(VOLC, List.of(next)).block(WAIT)).isInstanceOf(SinkUnavailable.class);
        redo(sink, story, next); // the engine redoes the batch: re-opened after the claims check, reloaded
        commit(sink, story, script.get(2).apply(story));
        close(sink);

        assertThat(producers).hasSize(2);
        assertThat(committedEvents(config)).containsExactlyElementsOf(story.events());
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(story.state());
    }

    /** Issue 16: an idle zombie learns it is fenced within the check interval, without committing anything. */
    @Test
    void givenIdleInstance_whenAnotherClaimsTheApp_thenLostSignalsFencedWithinTheCheckInterval() {
        KafkaSinkConfig config = config("idle").withOwnershipCheckInterval(Duration.ofSeconds(1));
        Writer first = writer(KafkaEventSink.create(config), config);
        Story story = new Story(VOLC);
        first.load(VOLC);
        commit(first, story, story.script().get(0).apply(story));
        Mono<Void> lost = first.driver().session(VOLC).lost();

        Writer second = writer(KafkaEventSink.create(config), config);
        assertThat(second.load(VOLC)).isEqualTo(story.state());

        assertThatThrownBy(() -> lost.block(Duration.ofSeconds(20)))
                .isInstanceOf(SinkFenced.class)
                .hasMessageContaining("idle");
        commit(second, story, story.script().get(1).apply(story)); // the second goes on
        close(first);
        close(second);
        assertThat(committedEvents(config)).containsExactlyElementsOf(story.events());
    }

    @Test
    void givenAtLeastOnce_whenStateSendFails_thenEventsAreOut_stateIsOld_andRedoRepeatsSameEventIds() {
        KafkaSinkConfig config = config("alo").withDeliveryMode(DeliveryMode.AT_LEAST_ONCE);
        List<PoisonedProducer> producers = new ArrayList<>();
        Writer sink =
                writer(KafkaEventSink.create(config, poisoned(config, producers), () -> Topics.ensure(config)), config);
        Story story = new Story(VOLC);
        List<Function<Story, Transition>> script = story.script();
        sink.load(VOLC);
        commit(sink, story, script.get(0).apply(story));
        List<String> log = producers.get(0).log();
        int lastEventAck = log.lastIndexOf("ack:" + config.eventsTopic());
        assertThat(log.indexOf("send:" + config.stateTopic()))
                .as("state sent only after every event was acknowledged: " + log)
                .isGreaterThan(lastEventAck);

        AppState before = story.state();
        Transition second = script.get(1).apply(story);
        producers.get(0).poisonNext(record -> record.topic().equals(config.stateTopic()));
        assertThatThrownBy(() -> sink.commit(VOLC, List.of(second)).block(WAIT)).isInstanceOf(SinkUnavailable.class);
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(before);
        assertThat(committedEvents(config)).containsAll(second.events());

        commit(sink, story, second);
        close(sink);
        List<PresenceEvent> seen = committedEvents(config);
        assertThat(seen).hasSize(story.events().size() + second.events().size());
        assertThat(seen.stream().map(PresenceEvent::eventId).distinct())
                .hasSize(story.events().size());
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(story.state());
    }

    @Test
    void givenRetiredMarks_whenForgettingOldOnes_thenTombstonesDropThem_andLoadAgrees() {
        KafkaSinkConfig config = config("prune");
        Writer sink = writer(KafkaEventSink.create(config), config);
        Story story = new Story(VOLC);
        sink.load(VOLC);
        story.script().forEach(step -> commit(sink, story, step.apply(story)));
        assertThat(story.state().retired()).containsOnlyKeys("r1", "r2");

        // the ended incarnations were seen ending at 1000 s and later (the story's clock): forget what ended before 1 h
        sink.forgetRetiredBefore(VOLC, Story.at(3600)).block(WAIT);
        close(sink);
        AppState pruned = story.state().forgetRetiredBefore(Story.at(3600));
        assertThat(pruned.retired()).isEmpty();
        assertThat(KafkaSnapshotStore.create(config).load(VOLC).block(WAIT)).isEqualTo(pruned);
        Map<String, byte[]> last = new HashMap<>();
        TopicReader.committed(bootstrap, List.of(config.stateTopic())).forEach(r -> last.put(r.key(), r.value()));
        assertThat(last).containsEntry(StateRecords.key(VOLC.room("r2")), null);
        assertThat(new String(last.get(StateRecords.key(VOLC.room("r1"))), StandardCharsets.UTF_8))
                .contains("\"live\"")
                .doesNotContain("retiredCreatedAt");
    }

    private static KafkaSinkConfig config(String name) {
        int n = TOPICS.incrementAndGet();
        return KafkaSinkConfig.defaults(bootstrap)
                .withEventsTopic("events-" + name + "-" + n)
                .withStateTopic("state-" + name + "-" + n)
                .withTransactionalIdPrefix("it-" + name + "-" + n + "-")
                .withBlockTimeout(Duration.ofSeconds(10))
                .withDeliveryTimeout(Duration.ofSeconds(20));
    }

    private static Function<AppKey, Producer<String, byte[]>> poisoned(
            KafkaSinkConfig config, List<PoisonedProducer> created) {
        return app -> {
            PoisonedProducer producer = new PoisonedProducer(new KafkaProducer<>(ProducerSettings.of(config, app)));
            created.add(producer);
            return producer;
        };
    }

    private static void commit(Writer sink, Story story, Transition transition) {
        sink.commit(story.state().app(), List.of(transition)).block(WAIT);
        story.accept(transition);
    }

    /** What the engine does after a failed commit: when told the state may have moved, reload it; then commit again. */
    private static void redo(Writer sink, Story story, Transition transition) {
        AppKey app = story.state().app();
        try {
            sink.commit(app, List.of(transition)).block(WAIT);
        } catch (SinkInDoubt doubt) {
            assertThat(sink.driver().reload(app)).isEqualTo(sink.driver().state(app));
            sink.commit(app, List.of(transition)).block(WAIT);
        }
        story.accept(transition);
    }

    private static void close(Writer sink) {
        sink.sink().close(Duration.ofSeconds(10)).block(WAIT);
    }

    /** The Kafka sink driven as the engine drives it: opened, state read from the store, commits from that state. */
    private record Writer(KafkaEventSink sink, SinkDriver driver) {

        AppState load(AppKey app) {
            return driver.load(app);
        }

        Mono<Void> commit(AppKey app, List<Transition> transitions) {
            return driver.commit(app, transitions);
        }

        Mono<Void> forgetRetiredBefore(AppKey app, java.time.Instant cutoff) {
            return driver.forgetRetiredBefore(app, cutoff);
        }
    }

    private static Writer writer(KafkaEventSink sink, KafkaSinkConfig config) {
        return new Writer(sink, new SinkDriver(sink, KafkaSnapshotStore.create(config)));
    }

    /** The events a read_committed consumer sees on every event topic, checking each record's key and headers. */
    private static List<PresenceEvent> committedEvents(KafkaSinkConfig config) {
        return committedEvents(bootstrap, config);
    }

    static List<PresenceEvent> committedEvents(String bootstrap, KafkaSinkConfig config) {
        List<String> topics = Stream.concat(Stream.of(config.eventsTopic()), config.routes().values().stream())
                .distinct()
                .toList();
        return TopicReader.committed(bootstrap, topics).stream()
                .map(KafkaEventSinkIT::decode)
                .toList();
    }

    private static PresenceEvent decode(ConsumerRecord<String, byte[]> record) {
        PresenceEvent event = EventJson.read(record.value());
        assertThat(record.key()).isEqualTo(event.key().toString());
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.eventId());
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.type().cloudEventType());
        return event;
    }

    /**
     * Per room key and topic (USER_LEFT is routed to its own topic), the events seen are exactly the events
     * committed, in the same order: one key is one partition of each topic.
     */
    private static void assertInOrderPerRoomAndTopic(List<PresenceEvent> seen, List<PresenceEvent> committed) {
        assertThat(byRoomAndTopic(seen)).isEqualTo(byRoomAndTopic(committed));
    }

    private static Map<String, List<String>> byRoomAndTopic(List<PresenceEvent> events) {
        Map<String, List<String>> byRoom = new LinkedHashMap<>();
        for (PresenceEvent e : events) {
            String lane = e.key() + (e.type() == EventType.USER_LEFT ? " left-topic" : " events-topic");
            byRoom.computeIfAbsent(lane, k -> new ArrayList<>()).add(e.eventId());
        }
        return byRoom;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
