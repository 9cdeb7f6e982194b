package io.roomwatch.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.EventType;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.Origin;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomCreated;
import io.roomwatch.model.RoomDestroyed;
import io.roomwatch.model.RoomKey;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.UserJoined;
import io.roomwatch.model.UserLeft;
import io.roomwatch.model.Visibility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The JSON value of an event record, as described by {@code schema/roomwatch-event-v1.schema.json}. Absent optional
 * fields are omitted, never written as {@code null}. Thread-safe.
 */
public final class EventJson {

    /** The value of the {@code schemaVersion} field. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    // the events of one batch share their observedAt, and Instant.toString() was a tenth of the sink lane's CPU
    private static volatile Formatted lastObservedAt = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

    private record Formatted(Instant instant, String text) {}

    private EventJson() {}

    private static String observedAt(Instant instant) {
        Formatted last = lastObservedAt;
        if (!last.instant().equals(instant)) {
            last = new Formatted(instant, instant.toString());
            lastObservedAt = last;
        }
        return last.text();
    }

    /** The event as UTF-8 JSON. */
    public static byte[] write(PresenceEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(320);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            writeFields(json, event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeFields(JsonGenerator json, PresenceEvent event) throws IOException {
        RoomRef room = event.room();
        json.writeStartObject();
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("type", event.type().wireName());
        json.writeStringField("provider", room.key().app().provider().id());
        json.writeStringField("appId", room.key().app().appId());
        json.writeStringField("roomId", room.key().roomId());
        json.writeStringField("incarnation", room.incarnation());
        writeOptional(json, "userId", event.userId());
        writeOptional(
                json,
                "visibility",
                event.visibility() == null ? null : event.visibility().id());
        writeOptional(
                json, "reason", event.reason() == null ? null : event.reason().id());
        writeOptional(
                json,
                "occurredAt",
                event.occurredAt() == null ? null : event.occurredAt().toString());
        json.writeStringField("observedAt", observedAt(event.observedAt()));
        json.writeStringField("origin", event.origin().id());
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeEndObject();
    }

    private static void writeOptional(JsonGenerator json, String name, @Nullable String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /**
     * Parses a value written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the field when the value is not a roomwatch event
     */
    public static PresenceEvent read(byte[] value) {
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("event value is not JSON: " + e.getMessage(), e);
        }
        return new Fields(node).event();
    }

    /** Reads one event's fields, naming the field that is missing or wrong. */
    private record Fields(JsonNode node) {

        PresenceEvent event() {
            String type = text("type");
            RoomKey key =
                    AppKey.of(Provider.fromId(text("provider")), text("appId")).room(text("roomId"));
            RoomRef ref = new RoomRef(key, text("incarnation"));
            String id = text("eventId");
            Instant observed = Instant.parse(text("observedAt"));
            Instant occurred = node.hasNonNull("occurredAt") ? Instant.parse(text("occurredAt")) : null;
            Origin origin = Origin.valueOf(text("origin").toUpperCase(Locale.ROOT));
            if (type.equals(EventType.ROOM_CREATED.wireName())) {
                return new RoomCreated(id, ref, occurred, observed, origin);
            }
            if (type.equals(EventType.ROOM_DESTROYED.wireName())) {
                return new RoomDestroyed(id, ref, occurred, observed, origin);
            }
            Visibility visibility = Visibility.valueOf(text("visibility").toUpperCase(Locale.ROOT));
            if (type.equals(EventType.USER_JOINED.wireName())) {
                return new UserJoined(id, ref, text("userId"), visibility, occurred, observed, origin);
            }
            if (type.equals(EventType.USER_LEFT.wireName())) {
                LeaveReason reason = LeaveReason.valueOf(
                        text("reason").toUpperCase(Locale.ROOT).replace('-', '_'));
                return new UserLeft(id, ref, text("userId"), visibility, reason, occurred, observed, origin);
            }
            throw new IllegalArgumentException("unknown event type '" + type + "'");
        }

        private String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalArgumentException("event field '" + field + "' is missing or not a string");
            }
            return value.asText();
        }
    }
}
