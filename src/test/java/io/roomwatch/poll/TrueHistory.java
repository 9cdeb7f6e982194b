package io.roomwatch.poll;

import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.world.World;
import io.roomwatch.model.EventType;
import io.roomwatch.model.PresenceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Lives as spans of epoch milliseconds, keyed {@code roomId#incarnation} (rooms) and {@code roomId#incarnation/user}
 * (memberships): either the emulator's true change log of one app, or what roomwatch emitted for it (times are then
 * {@code observedAt}). A Tencent incarnation is a creation second, so two lives of one room id started within the same
 * second share a key: each key holds a list of spans.
 */
final class TrueHistory {

    /** A life from {@code from} to {@code to}; {@code to} is {@link Long#MAX_VALUE} while it lasts. */
    record Span(long from, long to) {

        static final long OPEN = Long.MAX_VALUE;

        boolean isOpen() {
            return to == OPEN;
        }

        @Override
        public String toString() {
            return "[" + Instant.ofEpochMilli(from) + ", " + (isOpen() ? "now" : Instant.ofEpochMilli(to)) + ")";
        }
    }

    private final Map<String, List<Span>> rooms = new TreeMap<>();
    private final Map<String, List<Span>> members = new TreeMap<>();

    /** The true lives of {@code app}'s rooms whose ids pass {@code watched}, from the emulator's whole change log. */
    static TrueHistory of(World world, Vendor vendor, String app, Predicate<String> watched) {
        TrueHistory history = new TrueHistory();
        long since = 0;
        for (int page = 0; page < 1_000; page++) { // bounded: the log holds at most 100 000 changes
            ChangePage changes = world.changes(since, 1_000);
            changes.changes().stream()
                    .filter(c -> c.vendor() == vendor && c.app().equals(app) && watched.test(c.roomId()))
                    .forEach(history::apply);
            if (changes.changes().isEmpty()) {
                return history;
            }
            since = changes.nextSince();
        }
        throw new IllegalStateException("change log did not end within 1 000 pages");
    }

    /** What a consumer of {@code events} believes happened, with roomwatch's observation times. */
    static TrueHistory emitted(List<PresenceEvent> events) {
        TrueHistory history = new TrueHistory();
        for (PresenceEvent e : events) {
            String room = e.key().roomId() + "#" + e.room().incarnation();
            long at = e.observedAt().toEpochMilli();
            boolean starts = e.type() == EventType.ROOM_CREATED || e.type() == EventType.USER_JOINED;
            Map<String, List<Span>> target = e.userId() == null ? history.rooms : history.members;
            String key = e.userId() == null ? room : room + "/" + e.userId();
            history.record(target, key, at, starts);
        }
        return history;
    }

    private void apply(Change c) {
        String room = c.roomId() + "#" + c.incarnation();
        boolean starts = c.type() == ChangeType.RoomCreated || c.type() == ChangeType.UserJoined;
        if (c.userId() == null) {
            record(rooms, room, c.timeMillis(), starts);
        } else {
            record(members, room + "/" + c.userId(), c.timeMillis(), starts);
        }
    }

    private void record(Map<String, List<Span>> lives, String key, long at, boolean starts) {
        List<Span> spans = lives.computeIfAbsent(key, k -> new ArrayList<>());
        if (starts) {
            spans.add(new Span(at, Span.OPEN));
            return;
        }
        Span last = spans.get(spans.size() - 1);
        spans.set(spans.size() - 1, new Span(last.from(), at));
    }

    Map<String, List<Span>> rooms() {
        return rooms;
    }

    Map<String, List<Span>> members() {
        return members;
    }

    /** The room key {@code roomId#incarnation} of a membership key. */
    static String roomOf(String memberKey) {
        return memberKey.substring(0, memberKey.lastIndexOf('/'));
    }

    /** Whether some life of {@code key} ended within {@code [from, to]}. */
    static boolean endedWithin(List<Span> lives, long from, long to) {
        return lives.stream().anyMatch(s -> !s.isOpen() && s.to() >= from && s.to() <= to);
    }

    /** The most lives open at once among {@code spans}. */
    static int maxConcurrent(List<Span> spans) {
        List<long[]> edges = new ArrayList<>();
        spans.forEach(s -> {
            edges.add(new long[] {s.from(), 1});
            edges.add(new long[] {s.to(), -1});
        });
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int open = 0;
        int max = 0;
        for (long[] edge : edges) {
            open += (int) edge[1];
            max = Math.max(max, open);
        }
        return max;
    }

    /**
     * The longest part of {@code [from, to)} outside every blocked span: the longest time during which roomwatch could
     * see what happened.
     */
    static long longestClearStretch(long from, long to, List<Span> blocked) {
        long longest = 0;
        long start = from;
        List<Span> sorted =
                blocked.stream().sorted(Comparator.comparingLong(Span::from)).toList();
        for (Span b : sorted) {
            if (b.to() <= start || b.from() >= to) {
                continue;
            }
            longest = Math.max(longest, Math.max(0, b.from() - start));
            start = Math.max(start, b.to());
        }
        return Math.max(longest, to - start);
    }
}
