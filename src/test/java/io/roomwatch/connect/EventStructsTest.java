package io.roomwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomwatch.kafka.EventJson;
import io.roomwatch.kafka.EventRecords;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** Events as Connect records: the Struct schema against the JSON Schema, values against the standalone JSON. */
class EventStructsTest {

    static final RoomRef ROOM =
            new RoomRef(AppKey.of(Provider.VOLCENGINE, "661e0000543cf").room("room-1"), "call-7");
    static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant SEEN = Instant.parse("2026-11-22T10:00:21.250Z");
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One event of every type and shape the differ can produce. */
    static List<PresenceEvent> everyKind() {
        return List.of(
                new RoomCreated("7d3c3b7e-3a4f-5f43-9a1e-0c6a3c0f9f11", ROOM, CREATED, SEEN, Origin.POLL),
                new RoomCreated("7d3c3b7e-3a4f-5f43-9a1e-0c6a3c0f9f12", ROOM, null, SEEN, Origin.POLL),
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

    static JsonNode jsonSchema() throws IOException {
        try (InputStream in = EventStructsTest.class.getResourceAsStream("/schema/roomwatch-event-v1.schema.json")) {
            assertThat(in)
                    .as("the JSON Schema of the event contract on the class path")
                    .isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void theStructSchema_hasExactlyTheJsonSchemasProperties_requiredOnesNotOptional() throws IOException {
        JsonNode schema = jsonSchema();
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(name -> required.add(name.asText()));

        List<String> fields =
                EventStructs.VALUE.fields().stream().map(Field::name).toList();

        assertThat(fields).containsExactlyElementsOf(properties);
        for (Field field : EventStructs.VALUE.fields()) {
            assertThat(field.schema().isOptional())
                    .as("%s optional exactly when the JSON Schema does not require it", field.name())
                    .isEqualTo(!required.contains(field.name()));
        }
        assertThat(EventStructs.VALUE.field("schemaVersion").schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(EventStructs.VALUE.name()).isEqualTo(EventStructs.NAME);
    }

    @Test
    void everyEvent_isAValidStruct_whoseJsonIsByteForByteTheStandaloneValue() {
        for (PresenceEvent event : everyKind()) {
            Struct struct = EventStructs.struct(event);
            struct.validate();

            assertThat(new String(ContractJson.write(struct), StandardCharsets.UTF_8))
                    .isEqualTo(new String(EventJson.write(event), StandardCharsets.UTF_8));
            assertThat(EventJson.read(ContractJson.write(struct))).isEqualTo(event);
        }
    }

    @Test
    void theRecord_hasTheEventKey_andTheStandaloneCloudEventsHeaders() {
        for (PresenceEvent event : everyKind()) {
            Delivery delivery = new Delivery(event.key().app(), "roomwatch.state");
            var record =
                    EventStructs.record("roomwatch.events", event, Map.of("app", "a"), Map.of("batch", 1L), delivery);
            ProducerRecord<String, byte[]> standalone = EventRecords.toRecord("roomwatch.events", event);

            assertThat(record.key()).isEqualTo(standalone.key());
            assertThat(record.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(record.valueSchema()).isEqualTo(EventStructs.VALUE);
            assertThat(headers(record.headers())).isEqualTo(headers(standalone));
        }
    }

    @Test
    void theConverter_writesTheContractJson_keepsStateBytes_andTextKeys() {
        RoomwatchConverter values = new RoomwatchConverter();
        values.configure(Map.of(), false);
        RoomwatchConverter keys = new RoomwatchConverter();
        keys.configure(Map.of(), true);
        PresenceEvent event = everyKind().get(2);
        byte[] state = "{\"stateVersion\":2}".getBytes(StandardCharsets.UTF_8);

        assertThat(values.fromConnectData(
                        "roomwatch.events", new RecordHeaders(), EventStructs.VALUE, EventStructs.struct(event)))
                .isEqualTo(EventJson.write(event));
        assertThat(values.fromConnectData("roomwatch.state", new RecordHeaders(), ConnectSession.STATE, state))
                .isSameAs(state);
        assertThat(values.fromConnectData("roomwatch.state", new RecordHeaders(), ConnectSession.STATE, null))
                .as("a tombstone")
                .isNull();
        assertThat(keys.fromConnectData("roomwatch.events", Schema.STRING_SCHEMA, "volcengine/a/r"))
                .isEqualTo("volcengine/a/r".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anotherConverterForEvents_getsTheTypedStruct_stateStillPassesThrough() throws IOException {
        RoomwatchConverter values = new RoomwatchConverter();
        values.configure(
                Map.of(
                        RoomwatchConverter.EVENTS,
                        JsonConverter.class.getName(),
                        RoomwatchConverter.EVENTS + ".schemas.enable",
                        "true",
                        RoomwatchConverter.EVENTS_CONTENT_TYPE,
                        "application/vnd.kafka.connect.json"),
                false);
        PresenceEvent event = everyKind().get(4);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));

        JsonNode written = MAPPER.readTree(
                values.fromConnectData("roomwatch.events", headers, EventStructs.VALUE, EventStructs.struct(event)));

        assertThat(written.at("/schema/name").asText()).isEqualTo(EventStructs.NAME);
        assertThat(written.at("/payload/eventId").asText()).isEqualTo(event.eventId());
        assertThat(written.at("/payload/reason").asText()).isEqualTo("room-destroyed");
        assertThat(written.at("/payload/schemaVersion").asInt()).isEqualTo(1);
        assertThat(new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/vnd.kafka.connect.json");
        byte[] state = {1, 2, 3};
        assertThat(values.fromConnectData("roomwatch.state", new RecordHeaders(), ConnectSession.STATE, state))
                .isSameAs(state);
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> out = new LinkedHashMap<>();
        record.headers().forEach(h -> out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return out;
    }

    private static Map<String, String> headers(org.apache.kafka.connect.header.Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header header : headers) {
            out.put(header.key(), String.valueOf(header.value()));
        }
        return out;
    }
}
