package io.roomwatch.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.kafka.StateJson.RoomKeyAndJson;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Retired;
import io.roomwatch.model.RoomState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Folds the state topic's records, in offset order, into one app's {@link AppState}: the last value of a key wins, a
 * tombstone removes the entry, keys of other apps are skipped. Not thread-safe: one fold per load.
 */
final class StateFold {

    private final AppKey app;
    private final String appKey;
    private final String roomPrefix;
    private final Map<String, RoomState> live = new HashMap<>();
    private final Map<String, Retired> retired = new HashMap<>();
    private @Nullable Instant listedUntil;
    private long records;
    private long mine;

    StateFold(AppKey app) {
        this.app = app;
        this.appKey = StateRecords.key(app);
        this.roomPrefix = appKey + "/";
    }

    /** Applies one record; {@code value} {@code null} is a tombstone. */
    void accept(@Nullable String key, byte @Nullable [] value) {
        records++;
        if (key == null) {
            return;
        }
        if (key.equals(appKey)) {
            mine++;
            listedUntil = value == null ? null : listedUntil(key, value);
        } else if (key.startsWith(roomPrefix)) {
            mine++;
            room(key.substring(roomPrefix.length()), key, value);
        }
    }

    private void room(String roomId, String key, byte @Nullable [] value) {
        live.remove(roomId);
        retired.remove(roomId);
        if (value == null) {
            return;
        }
        JsonNode json = StateJson.read(key, value);
        if (!app.appId().equals(json.path("appId").asText())) {
            return; // an app whose id extends ours with a '/': not ours
        }
        RoomState room = StateJson.readLive(new RoomKeyAndJson(app.room(roomId), json));
        Retired mark = StateJson.readRetired(json);
        if (room != null) {
            live.put(roomId, room);
        }
        if (mark != null) {
            retired.put(roomId, mark);
        }
    }

    private static Instant listedUntil(String key, byte[] value) {
        return Instant.parse(StateJson.read(key, value).path("listedUntil").asText());
    }

    /** Records seen so far, of any app. */
    long records() {
        return records;
    }

    /** Records of this app seen so far. */
    long mine() {
        return mine;
    }

    /** The state folded so far. */
    AppState result() {
        return new AppState(app, live, retired, listedUntil);
    }
}
