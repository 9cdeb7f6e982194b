package io.roomwatch.connect;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * A record roomwatch hands to Connect, knowing the {@link Delivery} it belongs to. Connect gives this very object
 * (the record before transformations) back to {@code SourceTask.commitRecord}, which is how a commit learns that its
 * records are written. Equality is {@link SourceRecord}'s (content): the records of one delivery all differ (distinct
 * event ids, distinct state keys), and records of different deliveries differ by their source offset (the batch).
 */
final class BatchRecord extends SourceRecord {

    private final Delivery delivery;

    BatchRecord(
            Delivery delivery,
            Map<String, ?> partition,
            Map<String, ?> offset,
            String topic,
            Schema keySchema,
            String key,
            Schema valueSchema,
            @Nullable Object value,
            Headers headers) {
        super(partition, offset, topic, null, keySchema, key, valueSchema, value, null, headers);
        this.delivery = delivery;
    }

    Delivery delivery() {
        return delivery;
    }
}
