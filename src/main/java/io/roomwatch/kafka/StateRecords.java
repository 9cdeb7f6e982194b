package io.roomwatch.kafka;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Retired;
import io.roomwatch.model.RoomKey;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.StateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * The records of the compacted state topic, and how a change of an {@link AppState} becomes records.
 *
 * <ul>
 *   <li>Key {@code provider/appId/roomId} (the event key): the room's entry, a JSON value holding its live
 *       incarnation ({@link RoomState}: incarnation, creation time, members with visibility and join count, departed
 *       users' join counts) and/or its retirement mark (the creation time of the latest ended incarnation, see {@link
 *       AppState#retired()}). A room id can have both: a new incarnation while the ended one is remembered. A
 *       tombstone (null value) when it has neither.
 *   <li>Key {@code provider/appId}: the app's entry, holding the sweep watermark {@link AppState#listedUntil()}.
 *   <li>Key {@code owner/provider/appId}: the latest ownership claim of the app, written (outside any transaction)
 *       by an instance before it takes the app's transactional id; see {@link #ownerClaim}. Not part of the state: a
 *       restore skips it.
 * </ul>
 *
 * <p>Every value carries {@code stateVersion} (2, see {@link StateJson}; 1 is still read) and its {@code kind}. Only keys whose
 * entry changed are written. Pure and thread-safe.
 */
public final class StateRecords {

    private StateRecords() {}

    /** The key of a room's entry: {@code provider/appId/roomId}, the same as its events' key. */
    public static String key(RoomKey room) {
        return room.toString();
    }

    /** The key of an app's entry: {@code provider/appId}. */
    public static String key(AppKey app) {
        return app.toString();
    }

    /** The key of an app's ownership claims: {@code owner/provider/appId}; no provider is called {@code owner}. */
    public static String ownerKey(AppKey app) {
        return "owner/" + app;
    }

    /**
     * An ownership claim of {@code app} by {@code instance} (an opaque description of the claiming process). The log
     * order of claims decides ownership: an instance may take the app's transactional id back only while no later
     * claim of the app follows its own in the state topic.
     */
    public static ProducerRecord<String, byte[]> ownerClaim(String topic, AppKey app, String instance) {
        return new ProducerRecord<>(topic, ownerKey(app), StateJson.writeOwner(app, instance));
    }

    /** The claiming instance named by a value written by {@link #ownerClaim}; {@code "?"} if unreadable. */
    public static String claimant(byte @Nullable [] value) {
        if (value == null) {
            return "?";
        }
        try {
            return StateJson.read("owner", value).path("instance").asText("?");
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /**
     * The room entries that change from {@code before} to {@code after} (values or tombstones), sorted by room id.
     * In at-least-once mode these are written before {@link #appChange}, so the watermark never runs ahead of the
     * rooms.
     */
    public static List<ProducerRecord<String, byte[]>> roomChanges(String topic, AppState before, AppState after) {
        return roomChanges(topic, StateChange.between(before, after));
    }

    /**
     * The room entries that change with {@code change}, sorted by room id: only the {@link StateChange#touched()}
     * rooms are looked at when it names them (a batch touches a few rooms of many), otherwise every room.
     */
    public static List<ProducerRecord<String, byte[]>> roomChanges(String topic, StateChange change) {
        AppState before = change.before();
        AppState after = change.after();
        TreeSet<String> roomIds = new TreeSet<>();
        if (change.touched() != null) {
            roomIds.addAll(change.touched());
        } else {
            // a state derived from another keeps the very same objects for the rooms it did not touch, so only rooms
            // whose entries are different objects are compared and sorted
            addDiffering(roomIds, before.live(), after.live());
            addDiffering(roomIds, after.live(), before.live());
            addDiffering(roomIds, before.retired(), after.retired());
            addDiffering(roomIds, after.retired(), before.retired());
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String roomId : roomIds) {
            RoomEntry old = RoomEntry.of(before, roomId);
            RoomEntry now = RoomEntry.of(after, roomId);
            if (!old.equals(now)) {
                records.add(new ProducerRecord<>(topic, key(after.app().room(roomId)), StateJson.write(now)));
            }
        }
        return records;
    }

    /** The app entry, if the watermark changed from {@code before} to {@code after}. */
    public static List<ProducerRecord<String, byte[]>> appChange(String topic, AppState before, AppState after) {
        requireSameApp(before, after);
        if (Objects.equals(before.listedUntil(), after.listedUntil())) {
            return List.of();
        }
        byte[] value = after.listedUntil() == null ? null : StateJson.writeApp(after.app(), after.listedUntil());
        return List.of(new ProducerRecord<>(topic, key(after.app()), value));
    }

    /** {@link #roomChanges} followed by {@link #appChange}. */
    public static List<ProducerRecord<String, byte[]>> changes(String topic, AppState before, AppState after) {
        return changes(topic, StateChange.between(before, after));
    }

    /** {@link #roomChanges} followed by {@link #appChange}, for {@code change}. */
    public static List<ProducerRecord<String, byte[]>> changes(String topic, StateChange change) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(roomChanges(topic, change));
        records.addAll(appChange(topic, change.before(), change.after()));
        return records;
    }

    /** A fold of state records into one app's state: feed records in offset order, then take the result. */
    static StateFold fold(AppKey app) {
        return new StateFold(app);
    }

    /** Adds the ids of {@code from} whose value in {@code other} is not the same object. */
    private static void addDiffering(TreeSet<String> into, Map<String, ?> from, Map<String, ?> other) {
        for (Map.Entry<String, ?> e : from.entrySet()) {
            if (other.get(e.getKey()) != e.getValue()) {
                into.add(e.getKey());
            }
        }
    }

    private static void requireSameApp(AppState before, AppState after) {
        if (!before.app().equals(after.app())) {
            throw new IllegalArgumentException("states of different apps: " + before.app() + ", " + after.app());
        }
    }

    /** What one room key holds: the live incarnation and/or the retirement mark; neither means a tombstone. */
    record RoomEntry(RoomKey key, @Nullable RoomState live, @Nullable Retired retired) {

        static RoomEntry of(AppState state, String roomId) {
            return new RoomEntry(
                    state.app().room(roomId),
                    state.live().get(roomId),
                    state.retired().get(roomId));
        }

        boolean isEmpty() {
            return live == null && retired == null;
        }
    }
}
