package io.roomwatch.kafka;

import io.roomwatch.kafka.SendResult.Acked;
import io.roomwatch.kafka.SendResult.Failed;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends records through one producer, in order, from one lane thread, with at most {@code maxInFlight} of them not
 * yet acknowledged; outcomes are values.
 */
final class Sends {

    private final Producer<String, byte[]> producer;
    private final Scheduler lane;
    private final int maxInFlight;

    Sends(Producer<String, byte[]> producer, Scheduler lane, int maxInFlight) {
        this.producer = producer;
        this.lane = lane;
        this.maxInFlight = maxInFlight;
    }

    /**
     * Sends {@code records} and completes with the first failure in record order, or empty when every record was
     * acknowledged. Stops handing records to the producer at the first failure. Once every record is handed over, a
     * {@link Producer#flush()} on a bounded-elastic thread makes the producer send them without waiting out
     * {@code linger.ms}; the lane stays free (a shutdown must not wait behind it). Signals on a producer I/O thread or
     * the lane.
     */
    Mono<Optional<Failed>> firstFailure(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Mono.just(Optional.empty()); // at-least-once often has no app record: no lane hop, no flush
        }
        return Flux.fromIterable(records)
                .publishOn(lane, maxInFlight) // why: send() may block up to max.block.ms; one thread keeps the order
                .doOnComplete(this::flushSoon)
                .flatMapSequential(this::send, maxInFlight, 1) // at most maxInFlight unacknowledged
                .ofType(Failed.class)
                .next() // the first failure cancels the rest: no more sends into a failed batch
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Why: every caller waits for all of its records to be acknowledged, so the last partly filled batch of each
     * partition must not sit out {@code linger.ms} (5 ms of every commit). A flush returns once the records handed
     * over before it are answered, which {@code delivery.timeout.ms} bounds, or dropped by an aborted transaction or a
     * closing producer; an app's commits never overlap, so its flushes seldom do, and bounded-elastic caps the threads
     * in any case. Outcomes still come from the send callbacks; a flush that fails changes none of them.
     */
    private void flushSoon() {
        Schedulers.boundedElastic().schedule(() -> {
            try {
                producer.flush(); // blocks until the records handed over so far are answered
            } catch (KafkaException | IllegalStateException e) {
                // the records' own callbacks report what went wrong
            }
        });
    }

    private Mono<SendResult> send(ProducerRecord<String, byte[]> record) {
        return Mono.create(sink -> {
            try {
                producer.send(record, (metadata, error) -> sink.success(result(record, metadata, error)));
            } catch (KafkaException | IllegalStateException e) {
                sink.success(new Failed(record, e)); // thrown synchronously: metadata timeout, closed producer
            }
        });
    }

    private static SendResult result(
            ProducerRecord<String, byte[]> record, @Nullable RecordMetadata metadata, @Nullable Exception error) {
        if (error == null && metadata != null) {
            return new Acked(metadata);
        }
        return new Failed(record, error != null ? error : new KafkaException("acknowledged without metadata"));
    }
}
