package io.roomwatch.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomwatch.kafka.StateRecords.RoomEntry;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Member;
import io.roomwatch.model.Retired;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Visibility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON values of the state topic. Thread-safe.
 *
 * <p>Version 2 (written since 2026-11-22) stores a member as {@code "userId": joins} and lists the invisible ones in
 * {@code invisible}: about 15 bytes per member instead of version 1's 45 ({@code "userId":{"visibility":"visible",
 * "joins":1}}). A room's whole entry is rewritten whenever its members change, so this is most of the state topic's
 * bytes. Both versions are read; a value of any other version is refused by name.
 */
final class StateJson {

    static final int STATE_VERSION = 2;
    static final String KIND_ROOM = "room";
    static final String KIND_APP = "app";
    static final String KIND_OWNER = "owner";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private StateJson() {}

    /** The value of a room entry, or {@code null} (a tombstone) when it holds nothing. */
    static byte @Nullable [] write(RoomEntry entry) {
        if (entry.isEmpty()) {
            return null;
        }
        return bytes(json -> {
            header(json, KIND_ROOM, entry.key().app());
            json.writeStringField("roomId", entry.key().roomId());
            if (entry.live() != null) {
                json.writeFieldName("live");
                live(json, entry.live());
            }
            Retired retired = entry.retired();
            if (retired != null && retired.createdAt() != null) {
                json.writeStringField("retiredCreatedAt", retired.createdAt().toString());
            }
            if (retired != null && !retired.ended().isEmpty()) {
                json.writeObjectFieldStart("retiredIncarnations"); // absent in values written before: none known
                for (String incarnation : sortedKeys(retired.ended())) {
                    json.writeStringField(
                            incarnation, retired.ended().get(incarnation).toString());
                }
                json.writeEndObject();
            }
        });
    }

    /** The value of an app entry. */
    static byte[] writeApp(AppKey app, Instant listedUntil) {
        return bytes(json -> {
            header(json, KIND_APP, app);
            json.writeStringField("listedUntil", listedUntil.toString());
        });
    }

    /** The value of an ownership claim: which instance claimed the app ({@link StateRecords#ownerClaim}). */
    static byte[] writeOwner(AppKey app, String instance) {
        return bytes(json -> {
            header(json, KIND_OWNER, app);
            json.writeStringField("instance", instance);
        });
    }

    private static void header(JsonGenerator json, String kind, AppKey app) throws IOException {
        json.writeNumberField("stateVersion", STATE_VERSION);
        json.writeStringField("kind", kind);
        json.writeStringField("provider", app.provider().id());
        json.writeStringField("appId", app.appId());
    }

    private static void live(JsonGenerator json, RoomState room) throws IOException {
        json.writeStartObject();
        json.writeStringField("incarnation", room.ref().incarnation());
        if (room.createdAt() != null) {
            json.writeStringField("createdAt", room.createdAt().toString());
        }
        Map<String, Member> members = room.members();
        String[] users = sortedKeys(members); // sorted: equal states, equal bytes
        json.writeObjectFieldStart("members");
        for (String user : users) {
            json.writeNumberField(user, members.get(user).joins());
        }
        json.writeEndObject();
        boolean anyInvisible = false;
        for (String user : users) {
            if (members.get(user).visibility() == Visibility.INVISIBLE) {
                if (!anyInvisible) {
                    json.writeArrayFieldStart("invisible");
                    anyInvisible = true;
                }
                json.writeString(user);
            }
        }
        if (anyInvisible) {
            json.writeEndArray();
        }
        writeCounts(json, "departed", room.departed(), true);
        writeCounts(json, "absent", room.absent(), false); // only while flap damping counts misses
        if (!room.evidence().isEmpty()) { // only while a recent change may be contradicted by older news
            // grouped by moment, in epoch milliseconds: a poll's changes share one, so a user costs little more than
            // its id (the "evidence" map of user -> ISO time written before cost about 45 bytes a user)
            TreeMap<Instant, TreeSet<String>> byMoment = new TreeMap<>();
            room.evidence().forEach((user, at) -> byMoment.computeIfAbsent(at, k -> new TreeSet<>())
                    .add(user));
            json.writeObjectFieldStart("evidenceAt");
            for (Map.Entry<Instant, TreeSet<String>> moment : byMoment.entrySet()) {
                json.writeArrayFieldStart(Long.toString(moment.getKey().toEpochMilli()));
                for (String user : moment.getValue()) {
                    json.writeString(user);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String name, Map<String, Integer> counts, boolean evenIfEmpty)
            throws IOException {
        if (counts.isEmpty() && !evenIfEmpty) {
            return;
        }
        json.writeObjectFieldStart(name);
        for (String user : sortedKeys(counts)) {
            json.writeNumberField(user, counts.get(user));
        }
        json.writeEndObject();
    }

    /** Sorting an array is several times cheaper than building a TreeMap, and this runs for every changed room. */
    private static String[] sortedKeys(Map<String, ?> map) {
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        return keys;
    }

    /** Writes the fields of one JSON object. */
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] bytes(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        return bytes.toByteArray();
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
        if (version != 1 && version != STATE_VERSION) {
            throw new IllegalArgumentException("state value of '" + key + "' has stateVersion " + version
                    + ", this roomwatch reads 1 and " + STATE_VERSION);
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
        Set<String> invisible = new HashSet<>();
        live.path("invisible").forEach(u -> invisible.add(u.asText()));
        Map<String, Member> members = new HashMap<>();
        live.path("members")
                .properties()
                .forEach(m -> members.put(m.getKey(), member(m.getKey(), m.getValue(), invisible, entry)));
        Map<String, Integer> departed = new HashMap<>();
        live.path("departed")
                .properties()
                .forEach(d -> departed.put(d.getKey(), d.getValue().asInt()));
        Map<String, Integer> absent = new HashMap<>(); // absent in values written before flap damping: none missing
        live.path("absent")
                .properties()
                .forEach(a -> absent.put(a.getKey(), a.getValue().asInt()));
        Map<String, Instant> evidence = new HashMap<>(); // absent in values written before callbacks: none
        live.path("evidence") // as written until 2026-12-01: user -> ISO time
                .properties()
                .forEach(
                        e -> evidence.put(e.getKey(), Instant.parse(e.getValue().asText())));
        for (Map.Entry<String, JsonNode> moment : live.path("evidenceAt").properties()) {
            Instant at = Instant.ofEpochMilli(evidenceMillis(moment.getKey(), entry));
            moment.getValue().forEach(user -> evidence.put(user.asText(), at));
        }
        return new RoomState(ref, createdAt, members, departed, absent, evidence);
    }

    /** The retirement mark held by a room entry's value, if any. */
    static @Nullable Retired readRetired(JsonNode json) {
        Instant createdAt = json.hasNonNull("retiredCreatedAt")
                ? Instant.parse(json.get("retiredCreatedAt").asText())
                : null;
        Map<String, Instant> ended = new HashMap<>();
        json.path("retiredIncarnations")
                .properties()
                .forEach(e -> ended.put(e.getKey(), Instant.parse(e.getValue().asText())));
        return createdAt == null && ended.isEmpty() ? null : new Retired(createdAt, ended);
    }

    private static long evidenceMillis(String moment, RoomKeyAndJson entry) {
        try {
            return Long.parseLong(moment);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("state value of '" + entry.key() + "': field 'evidenceAt' has a key '"
                    + moment + "' that is not epoch milliseconds");
        }
    }

    private static Member member(String userId, JsonNode json, Set<String> invisible, RoomKeyAndJson entry) {
        if (json.isInt()) { // version 2: the join count; visibility from the invisible list
            return new Member(invisible.contains(userId) ? Visibility.INVISIBLE : Visibility.VISIBLE, json.asInt());
        }
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
