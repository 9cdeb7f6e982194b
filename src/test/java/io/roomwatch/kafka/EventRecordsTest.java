package io.roomwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.Origin;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomCreated;
import io.roomwatch.model.RoomDestroyed;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.UserJoined;
import io.roomwatch.model.UserLeft;
import io.roomwatch.model.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    static final RoomRef ROOM =
            new RoomRef(AppKey.of(Provider.VOLCENGINE, "661e0000543cf").room("room-1"), "call-7");
    static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant SEEN = Instant.parse("2026-11-22T10:00:21.250Z");

    /** One event of every type and shape the differ can produce. */
    static List<PresenceEvent> everyKind() {
        return List.of(
                new RoomCreated("7d3c3b7e-3a4f-5f43-9a1e-0c6a3c0f9f11", ROOM, CREATED, SEEN, Origin.POLL),
                new UserJoined(
                        "0b4f7f7e-59b1-5a52-8d51-3b1c7e0c2a22",
                        ROOM,
                        "alice",
                        Visibility.VISIBLE,
                        null,
                        SEEN,
                        Origin.POLL),
                new UserLeft(
                        "5e1c2b3a-4d5e-5f60-8172-93a4b5c6d733",
                        ROOM,
                        "alice",
                        Visibility.VISIBLE,
                        LeaveReason.LEFT,
                        null,
                        SEEN.plusSeconds(30),
                        Origin.POLL),
                new UserLeft(
                        "6f2d3c4b-5e6f-5071-9283-a4b5c6d7e844",
                        ROOM,
                        "bob",
                        Visibility.INVISIBLE,
                        LeaveReason.ROOM_DESTROYED,
                        CREATED.plusSeconds(90),
                        SEEN.plusSeconds(95),
                        Origin.POLL),
                new RoomDestroyed(
                        "8a3e4d5c-6f70-5182-a394-b5c6d7e8f955",
                        ROOM,
                        CREATED.plusSeconds(90),
                        SEEN.plusSeconds(95),
                        Origin.POLL));
    }

    @Test
    void everyKind_thenOfficialCloudEventsDecoderReadsTheSameAttributes() {
        try (CloudEventDeserializer decoder = new CloudEventDeserializer()) {
            for (PresenceEvent event : everyKind()) {
                ProducerRecord<String, byte[]> record = EventRecords.toRecord("roomwatch.events", event);
                CloudEvent ce = decoder.deserialize(record.topic(), record.headers(), record.value());

                assertThat(record.key()).isEqualTo("volcengine/661e0000543cf/room-1");
                assertThat(ce.getSpecVersion().toString()).isEqualTo("1.0");
                assertThat(ce.getId()).isEqualTo(event.eventId());
                assertThat(ce.getSource()).isEqualTo(URI.create("/roomwatch/volcengine/661e0000543cf"));
                assertThat(ce.getType())
                        .isEqualTo(event.type().cloudEventType())
                        .startsWith("io.roomwatch.");
                assertThat(ce.getSubject()).isEqualTo("room-1");
                assertThat(ce.getTime())
                        .isEqualTo(OffsetDateTime.parse(EventRecords.time(event).toString()));
                assertThat(ce.getDataContentType()).isEqualTo("application/json");
                assertThat(ce.getData().toBytes()).isEqualTo(record.value());
            }
        }
    }

    @Test
    void everyKind_thenValueValidatesAgainstShippedSchema_andRoundTrips() throws IOException {
        JsonSchema schema = schema();
        for (PresenceEvent event : everyKind()) {
            byte[] value = EventRecords.toRecord("t", event).value();

            assertThat(schema.validate(new ObjectMapper().readTree(value)))
                    .as(event.toString())
                    .isEmpty();
            assertThat(EventJson.read(value)).isEqualTo(event);
        }
    }

    @Test
    void schemaRejectsValuesThatBreakTheContract() throws IOException {
        JsonSchema schema = schema();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode joined =
                (ObjectNode) mapper.readTree(EventJson.write(everyKind().get(1)));
        ObjectNode created =
                (ObjectNode) mapper.readTree(EventJson.write(everyKind().get(0)));

        assertThat(errors(schema, joined.deepCopy().without("userId"))).isNotEmpty();
        assertThat(errors(schema, joined.deepCopy().put("reason", "left"))).isNotEmpty();
        assertThat(errors(schema, created.deepCopy().put("userId", "alice"))).isNotEmpty();
        assertThat(errors(schema, created.deepCopy().put("observedAt", "yesterday")))
                .isNotEmpty();
        assertThat(errors(schema, created.deepCopy().put("eventId", "not-a-uuid")))
                .isNotEmpty();
    }

    @Test
    void valueHasExactlyTheDocumentedFields() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> left = mapper.readValue(EventJson.write(everyKind().get(3)), Map.class);

        assertThat(left)
                .containsOnlyKeys(
                        "eventId",
                        "type",
                        "provider",
                        "appId",
                        "roomId",
                        "incarnation",
                        "userId",
                        "visibility",
                        "reason",
                        "occurredAt",
                        "observedAt",
                        "origin",
                        "schemaVersion");
        assertThat(left)
                .containsEntry("reason", "room-destroyed")
                .containsEntry("visibility", "invisible")
                .containsEntry("occurredAt", "2026-11-22T10:01:30Z")
                .containsEntry("schemaVersion", 1);
        assertThat(new String(EventJson.write(everyKind().get(1)), StandardCharsets.UTF_8))
                .doesNotContain("null")
                .doesNotContain("occurredAt");
    }

    private static Set<ValidationMessage> errors(JsonSchema schema, ObjectNode value) {
        return schema.validate(value);
    }

    private static JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = EventRecordsTest.class.getResourceAsStream("/schema/roomwatch-event-v1.schema.json")) {
            assertThat(in).as("schema shipped in the jar").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        }
    }
}
