package io.roomwatch.sink.kafka;

import io.roomwatch.sink.kafka.SendResult.Acked;
import io.roomwatch.sink.kafka.SendResult.Failed;
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
     * acknowledged. Stops handing records to the producer at the first failure. Signals on a producer I/O thread or
     * the lane.
     */
    Mono<Optional<Failed>> firstFailure(List<ProducerRecord<String, byte[]>> records) {
        return Flux.fromIterable(records)
                .publishOn(lane, maxInFlight) // why: send() may block up to max.block.ms; one thread keeps the order
                .flatMapSequential(this::send, maxInFlight, 1) // at most maxInFlight unacknowledged
                .ofType(Failed.class)
                .next() // the first failure cancels the rest: no more sends into a failed batch
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
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
