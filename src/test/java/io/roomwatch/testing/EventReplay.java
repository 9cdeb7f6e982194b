package io.roomwatch.testing;

import io.roomwatch.model.EventType;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomKey;
import io.roomwatch.model.RoomRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a downstream consumer rebuilds from the event stream, with the contract checked on every event: per room,
 * created first and destroyed last (after every member left); per (room, user), joined and left alternate starting
 * with joined; every incarnation is created once; every event id is new. Throws {@link AssertionError} naming the
 * offending event.
 */
public final class EventReplay {

    private final Map<RoomKey, RoomRef> liveIncarnation = new HashMap<>();
    private final Map<RoomRef, Set<String>> members = new HashMap<>();
    private final Set<RoomRef> everCreated = new HashSet<>();
    private final Set<String> eventIds = new HashSet<>();

    /** Applies one event, checking the contract. */
    public EventReplay accept(PresenceEvent e) {
        check(eventIds.add(e.eventId()), "duplicate eventId", e);
        if (e.type() == EventType.ROOM_CREATED) {
            check(!liveIncarnation.containsKey(e.key()), "created while another incarnation is live", e);
            check(everCreated.add(e.room()), "incarnation created twice", e);
            liveIncarnation.put(e.key(), e.room());
            members.put(e.room(), new HashSet<>());
            return this;
        }
        Set<String> present = members.get(e.room());
        check(present != null && e.room().equals(liveIncarnation.get(e.key())), "event for a room not live", e);
        if (e.type() == EventType.ROOM_DESTROYED) {
            check(present.isEmpty(), "destroyed while members are present " + present, e);
            liveIncarnation.remove(e.key());
            members.remove(e.room());
        } else if (e.type() == EventType.USER_JOINED) {
            check(present.add(e.userId()), "joined twice without leaving", e);
        } else {
            check(present.remove(e.userId()), "left without having joined", e);
            check(e.reason() != null, "leave without reason", e);
        }
        return this;
    }

    /** Applies events in order. */
    public EventReplay acceptAll(Iterable<? extends PresenceEvent> events) {
        events.forEach(this::accept);
        return this;
    }

    /** The rebuilt presence: {@code "roomId#incarnation"} to sorted user ids, sorted by room. */
    public Map<String, Set<String>> presence() {
        Map<String, Set<String>> out = new TreeMap<>();
        members.forEach((ref, users) -> out.put(ref.key().roomId() + "#" + ref.incarnation(), new TreeSet<>(users)));
        return out;
    }

    private static void check(boolean ok, String what, PresenceEvent e) {
        if (!ok) {
            throw new AssertionError(what + ": " + e);
        }
    }

    /**
     * Per app ({@code provider/appId}), the presence a consumer rebuilds from {@code events} (apps with nobody left
     * out); fails on any contract violation, like {@link #accept}.
     */
    public static Map<String, Map<String, Set<String>>> byApp(Iterable<? extends PresenceEvent> events) {
        Map<String, EventReplay> replays = new TreeMap<>();
        for (PresenceEvent e : events) {
            replays.computeIfAbsent(e.key().app().toString(), k -> new EventReplay())
                    .accept(e);
        }
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        replays.forEach((app, replay) -> {
            if (!replay.presence().isEmpty()) {
                out.put(app, replay.presence());
            }
        });
        return out;
    }
}
