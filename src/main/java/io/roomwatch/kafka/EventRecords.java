package io.roomwatch.kafka;

import io.roomwatch.model.PresenceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns an event into a Kafka record: key {@code provider/appId/roomId} (all events of a room in one partition, in
 * order), the JSON value of {@link EventJson}, and CloudEvents 1.0 binary-mode headers (Kafka protocol binding), so
 * CloudEvents-aware consumers read the attributes without parsing the value.
 *
 * <ul>
 *   <li>{@code ce_specversion} {@code 1.0}
 *   <li>{@code ce_id} the deterministic event id
 *   <li>{@code ce_source} {@code /roomwatch/<provider>/<appId>}
 *   <li>{@code ce_type} e.g. {@code io.roomwatch.user.joined.v1}
 *   <li>{@code ce_time} the vendor's time of the change when known, otherwise the observation time (RFC 3339)
 *   <li>{@code ce_subject} the room id
 *   <li>{@code content-type} {@code application/json}
 * </ul>
 */
public final class EventRecords {

    /** The {@code content-type} of every value. */
    public static final String CONTENT_TYPE = "application/json";

    private EventRecords() {}

    /** The record for {@code event} on {@code topic}. Pure; allocates a new record each call. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, PresenceEvent event) {
        Objects.requireNonNull(topic, "topic");
        return new ProducerRecord<>(topic, null, event.key().toString(), EventJson.write(event), headers(event));
    }

    /** The CloudEvents {@code source} attribute of an event. */
    public static String source(PresenceEvent event) {
        return "/roomwatch/" + event.key().app().provider().id() + "/"
                + event.key().app().appId();
    }

    /** The CloudEvents {@code time} attribute: vendor time when known, else observation time. */
    public static Instant time(PresenceEvent event) {
        return event.occurredAt() != null ? event.occurredAt() : event.observedAt();
    }

    private static List<Header> headers(PresenceEvent event) {
        return List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.eventId()),
                header("ce_source", source(event)),
                header("ce_type", event.type().cloudEventType()),
                header("ce_time", time(event).toString()),
                header("ce_subject", event.key().roomId()),
                header("content-type", CONTENT_TYPE));
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
