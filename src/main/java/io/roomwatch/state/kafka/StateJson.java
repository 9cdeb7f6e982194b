package io.roomwatch.state.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Member;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Visibility;
import io.roomwatch.state.kafka.StateRecords.RoomEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The JSON values of the state topic. Thread-safe. */
final class StateJson {

    static final int STATE_VERSION = 1;
    static final String KIND_ROOM = "room";
    static final String KIND_APP = "app";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {}

    /** The value of a room entry, or {@code null} (a tombstone) when it holds nothing. */
    static byte @Nullable [] write(RoomEntry entry) {
        if (entry.isEmpty()) {
            return null;
        }
        ObjectNode json =
                header(KIND_ROOM, entry.key().app()).put("roomId", entry.key().roomId());
        if (entry.live() != null) {
            json.set("live", live(entry.live()));
        }
        if (entry.retired() != null) {
            json.put("retiredCreatedAt", entry.retired().toString());
        }
        return bytes(json);
    }

    /** The value of an app entry. */
    static byte[] writeApp(AppKey app, Instant listedUntil) {
        return bytes(header(KIND_APP, app).put("listedUntil", listedUntil.toString()));
    }

    private static ObjectNode header(String kind, AppKey app) {
        return MAPPER.createObjectNode()
                .put("stateVersion", STATE_VERSION)
                .put("kind", kind)
                .put("provider", app.provider().id())
                .put("appId", app.appId());
    }

    private static ObjectNode live(RoomState room) {
        ObjectNode json =
                MAPPER.createObjectNode().put("incarnation", room.ref().incarnation());
        if (room.createdAt() != null) {
            json.put("createdAt", room.createdAt().toString());
        }
        ObjectNode members = json.putObject("members");
        room.members().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> members.putObject(e.getKey())
                .put("visibility", e.getValue().visibility().id())
                .put("joins", e.getValue().joins()));
        ObjectNode departed = json.putObject("departed");
        room.departed().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> departed.put(e.getKey(), e.getValue()));
        if (!room.absent().isEmpty()) { // written only while flap damping counts misses: old readers see no change
            ObjectNode absent = json.putObject("absent");
            new TreeMap<>(room.absent()).forEach(absent::put);
        }
        return json;
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen when writing a tree to memory", e);
        }
    }

    /**
     * Parses a value written by {@link #write} or {@link #writeApp}.
     *
     * @throws IllegalArgumentException naming the field when the value is not a state entry of a known version
     */
    static JsonNode read(String key, byte[] value) {
        JsonNode json;
        try {
            json = MAPPER.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("state value of '" + key + "' is not JSON: " + e.getMessage(), e);
        }
        int version = json.path("stateVersion").asInt(-1);
        if (version != STATE_VERSION) {
            throw new IllegalArgumentException("state value of '" + key + "' has stateVersion " + version
                    + ", this roomwatch reads " + STATE_VERSION);
        }
        return json;
    }

    /** The live incarnation held by a room entry's value, if any. */
    static @Nullable RoomState readLive(RoomKeyAndJson entry) {
        JsonNode live = entry.json().get("live");
        if (live == null || live.isNull()) {
            return null;
        }
        RoomRef ref = new RoomRef(entry.key(), text(live, "incarnation", entry));
        Instant createdAt = live.hasNonNull("createdAt") ? Instant.parse(text(live, "createdAt", entry)) : null;
        Map<String, Member> members = new HashMap<>();
        live.path("members").properties().forEach(m -> members.put(m.getKey(), member(m.getValue(), entry)));
        Map<String, Integer> departed = new HashMap<>();
        live.path("departed")
                .properties()
                .forEach(d -> departed.put(d.getKey(), d.getValue().asInt()));
        Map<String, Integer> absent = new HashMap<>(); // absent in values written before flap damping: none missing
        live.path("absent")
                .properties()
                .forEach(a -> absent.put(a.getKey(), a.getValue().asInt()));
        return new RoomState(ref, createdAt, members, departed, absent);
    }

    /** The retirement mark held by a room entry's value, if any. */
    static @Nullable Instant readRetired(JsonNode json) {
        return json.hasNonNull("retiredCreatedAt")
                ? Instant.parse(json.get("retiredCreatedAt").asText())
                : null;
    }

    private static Member member(JsonNode json, RoomKeyAndJson entry) {
        String visibility = text(json, "visibility", entry).toUpperCase(Locale.ROOT);
        return new Member(Visibility.valueOf(visibility), json.path("joins").asInt());
    }

    private static String text(JsonNode json, String field, RoomKeyAndJson entry) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(
                    "state value of '" + entry.key() + "': field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    /** A room entry's key and its parsed value. */
    record RoomKeyAndJson(io.roomwatch.model.RoomKey key, JsonNode json) {}
}
