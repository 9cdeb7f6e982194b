package io.roomwatch.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The outcome of one send, as a value: acknowledged, or failed with the producer's error. */
sealed interface SendResult {

    /** The broker acknowledged the record (in a transaction: it is written, not yet committed). */
    record Acked(RecordMetadata metadata) implements SendResult {}

    /** The record was not acknowledged. */
    record Failed(ProducerRecord<String, byte[]> record, Throwable error) implements SendResult {

        /** {@code topic/key}, for messages. */
        String where() {
            return record.topic() + "/" + record.key();
        }
    }
}
