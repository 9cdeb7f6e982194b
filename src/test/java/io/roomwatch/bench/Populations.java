package io.roomwatch.bench;

import io.roomwatch.diff.SnapshotDiff;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic populations for the benchmarks: user ids of 12 to 20 characters, rooms filled through the real differ. */
public final class Populations {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Populations() {}

    /** A fresh (not interned, not shared) user id of 12 to 20 characters, e.g. {@code u_4k2j9x0a1b}. */
    public static String userId(SplittableRandom random) {
        int length = 12 + random.nextInt(9);
        char[] id = new char[length];
        id[0] = 'u';
        id[1] = '_';
        for (int i = 2; i < length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** The room {@code roomId} of {@code app}, as a live incarnation with {@code members} members, via the differ. */
    public static RoomState room(AppKey app, String roomId, int members, SplittableRandom random) {
        RoomRef ref = new RoomRef(app.room(roomId), "1763805600");
        Map<String, Visibility> listed = new HashMap<>();
        while (listed.size() < members) {
            listed.put(userId(random), random.nextInt(20) == 0 ? Visibility.INVISIBLE : Visibility.VISIBLE);
        }
        return joined(RoomState.created(ref, T0), listed);
    }

    /** {@code room} after a complete member list {@code listed}, through the real differ. */
    public static RoomState joined(RoomState room, Map<String, Visibility> listed) {
        Transition t = SnapshotDiff.members(room, new MemberList(room.ref(), Completeness.COMPLETE, listed, T0));
        return t.upserted().isEmpty() ? room : t.upserted().get(0);
    }

    /** An app state of {@code rooms} rooms of {@code membersPerRoom} members each. */
    public static AppState appState(AppKey app, int rooms, int membersPerRoom, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, RoomState> live = new HashMap<>();
        for (int i = 0; i < rooms; i++) {
            String roomId = String.format(java.util.Locale.ROOT, "room-%06d", i);
            live.put(roomId, room(app, roomId, membersPerRoom, random));
        }
        return new AppState(app, live, Map.of(), null);
    }
}
