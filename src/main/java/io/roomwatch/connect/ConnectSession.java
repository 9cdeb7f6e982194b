package io.roomwatch.connect;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.kafka.StateRecords;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.StateChange;
import io.roomwatch.sink.AppSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One app's session with Connect: each {@link #commit} turns the batch into Connect records and hands them to {@code
 * poll()} through the task's {@link Handoff}, then completes when Connect reports them written.
 *
 * <ul>
 *   <li><b>Exactly-once</b> (the worker has {@code exactly.once.source.support=enabled} and the connector {@code
 *       transaction.boundary=connector}): the events, then the state records of the change ({@link
 *       StateRecords#changes}), in one delivery; the task asks Connect to commit the transaction after its last record,
 *       so one batch is one Connect transaction, together with the source offset. Connect calls {@code commitRecord}
 *       for them only after that transaction committed, so the commit completes exactly when the batch is durable.
 *   <li><b>At-least-once</b> ({@code kafka.delivery: at-least-once}): as the standalone sink does without transactions,
 *       the events first, then (all written) the room records, then the app record, so the state never runs ahead of
 *       the events; a batch redone after a failure repeats its events with the same ids.
 * </ul>
 *
 * <p>Every record of a batch carries the app's source partition ({@code {"app": "provider/appId"}}) and the batch
 * sequence as its offset ({@code {"batch": n}}); see {@link #partition}. The session holds no state of the app.
 * Signals arrive on {@code signals}: Connect reports on its task thread or the producer's I/O thread, which must stay
 * fast.
 */
final class ConnectSession implements AppSession {

    private static final Logger log = LoggerFactory.getLogger(ConnectSession.class);

    /** The state records' value schema: the state topic's JSON bytes, passed through by {@link RoomwatchConverter}. */
    static final Schema STATE = SchemaBuilder.bytes()
            .name("io.roomwatch.state.v2")
            .optional()
            .doc("A roomwatch state topic value (docs/delivery.md); null is a tombstone.")
            .build();

    private final AppKey app;
    private final KafkaSinkConfig kafka;
    private final boolean transactional;
    private final Handoff handoff;
    private final Scheduler signals;
    private final Map<String, String> partition;
    private final AtomicLong batches;

    ConnectSession(
            AppKey app,
            KafkaSinkConfig kafka,
            boolean transactional,
            Handoff handoff,
            Scheduler signals,
            long lastBatch) {
        this.app = app;
        this.kafka = kafka;
        this.transactional = transactional;
        this.handoff = handoff;
        this.signals = signals;
        this.partition = partition(app);
        this.batches = new AtomicLong(lastBatch);
    }

    /**
     * The app's Connect source partition. Its offset, the number of the last batch written, is not where roomwatch
     * resumes (the state topic is); it shows per app how far the connector got ({@code GET
     * /connectors/<name>/offsets}), and in exactly-once mode it is committed in the batch's transaction.
     */
    static Map<String, String> partition(AppKey app) {
        return Map.of("app", app.toString());
    }

    @Override
    public AppKey app() {
        return app;
    }

    @Override
    public Mono<Void> commit(StateChange change, List<PresenceEvent> events) {
        return Mono.defer(() -> {
                    Map<String, Long> offset = Map.of("batch", batches.incrementAndGet());
                    if (transactional) {
                        Delivery all = events(events, offset);
                        StateRecords.changes(kafka.stateTopic(), change).forEach(r -> add(all, r, offset));
                        return handoff.deliver(all);
                    }
                    return handoff.deliver(events(events, offset))
                            .then(Mono.defer(() -> handoff.deliver(
                                    state(StateRecords.roomChanges(kafka.stateTopic(), change), offset))))
                            .then(Mono.defer(() -> handoff.deliver(state(
                                    StateRecords.appChange(kafka.stateTopic(), change.before(), change.after()),
                                    offset))));
                })
                .publishOn(signals); // why: written() is signalled on Connect's task or producer thread
    }

    /**
     * {@inheritDoc}
     *
     * <p>Nothing to do: this session never fails a commit as in doubt. The only doubtful outcome in Connect, a failed
     * {@code commitTransaction}, fails the whole task; the next generation of tasks starts after the worker fenced
     * this one's producer, which aborted or completed the transaction, and restores from the state topic.
     */
    @Override
    public Mono<Void> settle() {
        return Mono.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Never completes: Connect does the fencing. Before a new generation of tasks starts, the worker fences the
     * transactional producers of the previous one; a zombie task's next commit then fails, Connect fails that task and
     * stops it, which stops its apps. An idle zombie writes nothing it could duplicate.
     */
    @Override
    public Mono<Void> lost() {
        return Mono.never();
    }

    private Delivery events(List<PresenceEvent> events, Map<String, Long> offset) {
        Delivery delivery = new Delivery(app, kafka.stateTopic());
        for (PresenceEvent event : events) {
            delivery.add(EventStructs.record(kafka.topicFor(event.type()), event, partition, offset, delivery));
        }
        log.debug("{}: batch {}: {} events", app, offset.get("batch"), events.size());
        return delivery;
    }

    private Delivery state(List<ProducerRecord<String, byte[]>> records, Map<String, Long> offset) {
        Delivery delivery = new Delivery(app, kafka.stateTopic());
        records.forEach(record -> add(delivery, record, offset));
        return delivery;
    }

    private void add(Delivery delivery, ProducerRecord<String, byte[]> record, Map<String, Long> offset) {
        delivery.add(new BatchRecord(
                delivery,
                partition,
                offset,
                record.topic(),
                EventStructs.KEY,
                record.key(),
                STATE,
                record.value(),
                new ConnectHeaders()));
    }
}
