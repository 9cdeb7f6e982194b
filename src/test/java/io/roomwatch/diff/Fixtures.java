package io.roomwatch.diff;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small DSL for diff tests: {@code sweep(COMPLETE, live("r1", "c1"))}, {@code members(ref, COMPLETE, "alice")}. */
final class Fixtures {

    static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Fixtures() {}

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static RoomRef ref(String roomId, String incarnation) {
        return new RoomRef(APP.room(roomId), incarnation);
    }

    static RoomSighting live(String roomId, String incarnation, int createdSecond) {
        return RoomSighting.live(roomId, incarnation, at(createdSecond));
    }

    static RoomSighting ended(String roomId, String incarnation, int createdSecond, int endedSecond) {
        return RoomSighting.ended(roomId, incarnation, at(createdSecond), at(endedSecond));
    }

    static RoomSweep sweep(Completeness completeness, RoomSighting... rooms) {
        return new RoomSweep(APP, completeness, Arrays.asList(rooms), at(100));
    }

    static MemberList members(RoomRef ref, Completeness completeness, String... users) {
        Map<String, Visibility> members = new LinkedHashMap<>();
        for (String user : users) {
            boolean invisible = user.startsWith("~");
            members.put(invisible ? user.substring(1) : user, invisible ? Visibility.INVISIBLE : Visibility.VISIBLE);
        }
        return new MemberList(ref, completeness, members, at(200));
    }

    static AppState empty() {
        return AppState.empty(APP);
    }

    /** Events as compact strings: {@code +room r1#c1}, {@code -room r1#c1}, {@code +alice r1}, {@code -alice r1 left}. */
    static List<String> describe(List<PresenceEvent> events) {
        return events.stream().map(Fixtures::describe).toList();
    }

    static String describe(PresenceEvent e) {
        String room = e.key().roomId() + "#" + e.room().incarnation();
        switch (e.type()) {
            case ROOM_CREATED:
                return "+room " + room;
            case ROOM_DESTROYED:
                return "-room " + room;
            case USER_JOINED:
                return "+" + e.userId() + " " + room;
            default:
                return "-" + e.userId() + " " + room + " " + e.reason().id();
        }
    }
}
