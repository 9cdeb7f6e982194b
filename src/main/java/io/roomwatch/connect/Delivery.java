package io.roomwatch.connect;

import io.roomwatch.model.AppKey;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Records of one app handed to Connect together, and the signal that they are written: it completes when Connect has
 * reported every one of them through {@code SourceTask.commitRecord} (in exactly-once mode, after the transaction
 * holding them committed; otherwise as each is acknowledged). A state record that Connect reports as not written
 * (a transformation dropped it, or {@code errors.tolerance=all} skipped a failed send) fails it with {@link
 * SinkRejected}: the state topic would no longer tell the committed state, and redoing the batch would not help. An
 * event record reported as not written was dropped by the worker's own policy (a filtering transformation, {@code
 * errors.tolerance=all}); it is counted and logged, not redone.
 *
 * <p>Built on the engine's thread ({@link #add} then {@link #seal}), acknowledged on Connect's threads.
 */
final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final AppKey app;
    private final String stateTopic;
    private final List<SourceRecord> records = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger droppedEvents = new AtomicInteger();
    private final Sinks.One<Void> done = Sinks.one();
    private volatile @Nullable String droppedState;

    Delivery(AppKey app, String stateTopic) {
        this.app = app;
        this.stateTopic = stateTopic;
    }

    AppKey app() {
        return app;
    }

    /** Adds a record built for this delivery; only before {@link #seal}. */
    void add(SourceRecord record) {
        records.add(record);
    }

    /** No more records; from now on acknowledgements count. */
    Delivery seal() {
        pending.set(records.size());
        return this;
    }

    List<SourceRecord> records() {
        return records;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    /** The record after which the transaction holding this delivery is committed. */
    SourceRecord last() {
        return records.get(records.size() - 1);
    }

    /** Completes once every record is written; fails with {@link SinkRejected} if a state record was dropped. */
    Mono<Void> written() {
        return done.asMono();
    }

    /** Connect's report on one of this delivery's records; {@code metadata} null: not written. */
    void acknowledged(SourceRecord record, @Nullable RecordMetadata metadata) {
        if (metadata == null) {
            if (stateTopic.equals(record.topic())) {
                droppedState = String.valueOf(record.key());
            } else {
                droppedEvents.incrementAndGet();
            }
        }
        if (pending.decrementAndGet() != 0) {
            return;
        }
        String dropped = droppedState;
        if (droppedEvents.get() > 0) {
            log.warn(
                    "{}: Connect dropped {} event records of a batch (its transformations or errors.tolerance)",
                    app,
                    droppedEvents.get());
        }
        if (dropped == null) {
            done.tryEmitEmpty();
        } else {
            fail(new SinkRejected(
                    app,
                    "Connect did not write the state record " + dropped + " (a transformation dropped it, or"
                            + " errors.tolerance=all skipped a failed send); exclude the state topic from"
                            + " transformations and keep errors.tolerance=none",
                    null));
        }
    }

    /** Fails the delivery (the task stops); no effect once it completed. */
    void fail(SinkFailure failure) {
        done.tryEmitError(failure);
    }
}
