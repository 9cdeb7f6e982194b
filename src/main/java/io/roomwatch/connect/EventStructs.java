package io.roomwatch.connect;

import io.roomwatch.kafka.EventJson;
import io.roomwatch.kafka.EventRecords;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomRef;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Events as Connect records: the key {@code provider/appId/roomId} (a string schema), a {@link Struct} value whose
 * schema mirrors {@code schema/roomwatch-event-v1.schema.json} field by field (in the same order as the JSON value of
 * the standalone sink, optional fields optional), and the same CloudEvents headers as {@link EventRecords}, as string
 * headers. Pure and thread-safe.
 */
final class EventStructs {

    /** The value schema's name; {@link RoomwatchConverter} recognises events by it. */
    static final String NAME = "io.roomwatch.event.v1.RoomwatchEvent";

    static final Schema KEY = Schema.STRING_SCHEMA;

    static final Schema VALUE = SchemaBuilder.struct()
            .name(NAME)
            .version(EventJson.SCHEMA_VERSION)
            .doc("A roomwatch event (README, Event contract). Optional fields are absent (null) when the JSON value"
                    + " omits them.")
            .field("eventId", doc(Schema.STRING_SCHEMA, "Deterministic id (UUID v5) of the transition; equals ce_id."))
            .field("type", doc(Schema.STRING_SCHEMA, "RoomCreated, RoomDestroyed, UserJoined or UserLeft."))
            .field("provider", doc(Schema.STRING_SCHEMA, "volcengine, tencent-live or tencent-conference."))
            .field("appId", Schema.STRING_SCHEMA)
            .field("roomId", Schema.STRING_SCHEMA)
            .field(
                    "incarnation",
                    doc(Schema.STRING_SCHEMA, "The room instance: Volcengine CallId, Tencent CreateTime."))
            .field("userId", doc(Schema.OPTIONAL_STRING_SCHEMA, "Member events only."))
            .field("visibility", doc(Schema.OPTIONAL_STRING_SCHEMA, "visible or invisible; member events only."))
            .field("reason", doc(Schema.OPTIONAL_STRING_SCHEMA, "left or room-destroyed; UserLeft only."))
            .field("occurredAt", doc(Schema.OPTIONAL_STRING_SCHEMA, "Vendor time of the change (RFC 3339), if known."))
            .field("observedAt", doc(Schema.STRING_SCHEMA, "When roomwatch observed the change (RFC 3339)."))
            .field("origin", doc(Schema.STRING_SCHEMA, "poll, callback or history."))
            .field("schemaVersion", doc(Schema.INT32_SCHEMA, "1."))
            .build();

    private EventStructs() {}

    private static Schema doc(Schema type, String doc) {
        SchemaBuilder builder = type.isOptional() ? SchemaBuilder.string().optional() : builderOf(type);
        return builder.doc(doc).build();
    }

    private static SchemaBuilder builderOf(Schema type) {
        return type.type() == Schema.Type.INT32 ? SchemaBuilder.int32() : SchemaBuilder.string();
    }

    /** The record of {@code event} on {@code topic}, for the app's source partition at {@code offset}. */
    static SourceRecord record(
            String topic, PresenceEvent event, Map<String, ?> partition, Map<String, ?> offset, Delivery delivery) {
        return new BatchRecord(
                delivery, partition, offset, topic, KEY, event.key().toString(), VALUE, struct(event), headers(event));
    }

    /** The value of {@code event}: the fields of its JSON value, absent ones null. */
    static Struct struct(PresenceEvent event) {
        RoomRef room = event.room();
        return new Struct(VALUE)
                .put("eventId", event.eventId())
                .put("type", event.type().wireName())
                .put("provider", room.key().app().provider().id())
                .put("appId", room.key().app().appId())
                .put("roomId", room.key().roomId())
                .put("incarnation", room.incarnation())
                .put("userId", event.userId())
                .put(
                        "visibility",
                        event.visibility() == null ? null : event.visibility().id())
                .put("reason", event.reason() == null ? null : event.reason().id())
                .put(
                        "occurredAt",
                        event.occurredAt() == null ? null : event.occurredAt().toString())
                .put("observedAt", event.observedAt().toString())
                .put("origin", event.origin().id())
                .put("schemaVersion", EventJson.SCHEMA_VERSION);
    }

    /** The CloudEvents binary-mode headers of {@link EventRecords}, as Connect string headers. */
    static Headers headers(PresenceEvent event) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("ce_specversion", "1.0");
        headers.addString("ce_id", event.eventId());
        headers.addString("ce_source", EventRecords.source(event));
        headers.addString("ce_type", event.type().cloudEventType());
        headers.addString("ce_time", EventRecords.time(event).toString());
        headers.addString("ce_subject", event.key().roomId());
        headers.addString("content-type", EventRecords.CONTENT_TYPE);
        return headers;
    }
}
