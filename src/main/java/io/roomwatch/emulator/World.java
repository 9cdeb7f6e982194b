package io.roomwatch.emulator;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;

/**
 * The ground truth the vendor APIs are answered from: live rooms with their members, Volcengine call history, and
 * the bounded log of every true change with its timestamp.
 *
 * <p>Thread-safe: every method takes one short lock (no I/O under it), so HTTP handlers on Netty event loops, the
 * scenario engine and test threads may call it concurrently. All times come from the injected clock
 * ({@code clock.now(MILLISECONDS)}), so a {@code VirtualTimeScheduler} drives them. Methods are synchronous.
 *
 * <p>Semantics: destroying a room first logs {@code UserLeft} for every member still in it. Joining Tencent live
 * rooms counts one view ({@code ViewCount + 1}). Finished Volcengine calls stay listable for {@code lookBackDays}.
 */
public final class World {

    private final Scheduler clock;
    private final long historyMillis;
    private final long retentionMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<RoomKey, LiveRoom> rooms = new LinkedHashMap<>();
    private final Map<String, List<Call>> calls = new LinkedHashMap<>();
    private final ChangeLog log;
    private final Map<RoomKey, Snapshot> snapshots = new HashMap<>();
    private long nextCallNo = 1;

    World(Scheduler clock, int changeLogCapacity, long historyMillis, long retentionMillis) {
        this.clock = clock;
        this.log = new ChangeLog(changeLogCapacity);
        this.historyMillis = historyMillis;
        this.retentionMillis = retentionMillis;
    }

    /** A world on {@code clock} keeping {@code changeLogCapacity} changes, 60 s of count history and 14 days of calls. */
    public static World create(Scheduler clock, int changeLogCapacity) {
        return new World(clock, changeLogCapacity, 60_000, 14L * 24 * 3600 * 1000);
    }

    /** The emulator clock, epoch milliseconds. */
    public long now() {
        return clock.now(MILLISECONDS);
    }

    /**
     * Creates a live room and logs {@code RoomCreated}.
     *
     * @throws IllegalStateException if the room is live already, or the Volcengine {@code CallId} was used before
     */
    public RoomState createRoom(RoomSpec spec) {
        return locked(() -> {
            if (rooms.containsKey(spec.key())) {
                throw new IllegalStateException("room " + spec.key() + " already exists");
            }
            LiveRoom room = newRoom(spec, now());
            rooms.put(spec.key(), room);
            log.append(room.createdAt, room.key, room.incarnation, ChangeType.RoomCreated, null);
            return room.state();
        });
    }

    /** Destroys a live room (members leave first); false if it was not live. */
    public boolean destroyRoom(RoomKey key) {
        return locked(() -> {
            LiveRoom room = rooms.get(key);
            if (room == null) {
                return false;
            }
            long now = now();
            for (String userId : new ArrayList<>(room.members.keySet())) {
                removeMember(room, userId, now);
            }
            rooms.remove(key);
            if (room.call != null) {
                room.call.finish(now, historyMillis);
            }
            log.append(now, key, room.incarnation, ChangeType.RoomDestroyed, null);
            return true;
        });
    }

    /**
     * Adds a member and logs {@code UserJoined}; false if already a member.
     *
     * @param invisible Volcengine invisible user; ignored on Tencent
     * @throws NoSuchElementException if the room is not live
     */
    public boolean join(RoomKey key, String userId, boolean invisible) {
        Checks.notBlank(userId, "userId");
        return locked(() -> {
            LiveRoom room = live(key);
            if (room.members.containsKey(userId)) {
                return false;
            }
            long now = now();
            room.members.put(userId, new MemberState(userId, invisible && key.vendor() == Vendor.VOLCENGINE, now));
            if (key.vendor() == Vendor.TENCENT_LIVE) {
                room.viewCount++;
            }
            recordCount(room, now);
            log.append(now, key, room.incarnation, ChangeType.UserJoined, userId);
            return true;
        });
    }

    /**
     * Removes a member and logs {@code UserLeft}; false if not a member.
     *
     * @throws NoSuchElementException if the room is not live
     */
    public boolean leave(RoomKey key, String userId) {
        return locked(() -> {
            LiveRoom room = live(key);
            if (!room.members.containsKey(userId)) {
                return false;
            }
            removeMember(room, userId, now());
            return true;
        });
    }

    /**
     * Sets a room's {@code ViewCount} (not a logged change).
     *
     * @throws NoSuchElementException if the room is not live
     */
    public void setViewCount(RoomKey key, long viewCount) {
        Checks.notNegative(viewCount, "viewCount");
        locked(() -> live(key).viewCount = viewCount);
    }

    /** The live room, if any. */
    public Optional<RoomState> room(RoomKey key) {
        return locked(() -> Optional.ofNullable(rooms.get(key)).map(LiveRoom::state));
    }

    /** Every live room, in creation order. */
    public List<RoomState> rooms() {
        return locked(() -> rooms.values().stream().map(LiveRoom::state).toList());
    }

    /** The live rooms of one vendor app, in creation order. */
    public List<RoomState> rooms(Vendor vendor, String app) {
        return locked(() -> rooms.values().stream()
                .filter(r -> r.key.vendor() == vendor && r.key.app().equals(app))
                .map(LiveRoom::state)
                .toList());
    }

    /** Volcengine calls (running and finished within retention) of an app, as they are now, oldest first. */
    public List<CallRecord> calls(String appId) {
        return callsAsOf(appId, now());
    }

    /** Volcengine calls of every app, as they are now, by app and then oldest first. */
    public List<CallRecord> calls() {
        return locked(() -> new ArrayList<>(calls.keySet())
                .stream().flatMap(app -> calls(app).stream()).toList());
    }

    /** Changes with {@code seq > since}, at most {@code limit}, oldest first; see {@link ChangePage#truncated()}. */
    public ChangePage changes(long since, int limit) {
        Checks.positive(limit, "limit");
        return locked(() -> log.since(since, limit));
    }

    /** Calls created at or before {@code asOf}, as they looked then (finished only if they ended by then). */
    List<CallRecord> callsAsOf(String appId, long asOf) {
        return locked(() -> {
            List<Call> appCalls = calls.computeIfAbsent(appId, a -> new ArrayList<>());
            long horizon = now() - retentionMillis;
            appCalls.removeIf(c -> c.finishedBefore(horizon)); // the 14-day look-back is also the retention
            return appCalls.stream()
                    .filter(c -> c.createdAt <= asOf)
                    .map(c -> c.asOf(asOf))
                    .toList();
        });
    }

    /** The member list a vendor refreshing every {@code refreshMillis} would serve now; empty if the room is not live. */
    /**
     * TUILiveKit's {@code get_member_list}: the member list of the room id as it was at its latest refresh. The vendor
     * refreshes each room's list every {@code refreshMillis}, at a phase of its own (here drawn from the room id), and
     * the refresh is per room id: a room re-created since the last refresh is served the previous incarnation's
     * members until the next one. Empty when the room does not exist now (error 100004); {@code refreshMillis} 0:
     * live.
     */
    Optional<List<String>> memberSnapshot(RoomKey key, long refreshMillis) {
        return locked(() -> {
            LiveRoom room = rooms.get(key);
            if (room == null) {
                return Optional.empty();
            }
            if (refreshMillis <= 0) {
                return Optional.of(List.copyOf(room.members.keySet()));
            }
            long now = now();
            long phase = Staleness.phaseOf(key, refreshMillis);
            long refreshed = now - Math.floorMod(now - phase, refreshMillis);
            Snapshot held = snapshots.get(key);
            if (held == null || held.at() < refreshed) {
                held = new Snapshot(refreshed, membersAt(key, refreshed));
                snapshots.put(key, held);
            }
            return Optional.of(held.members());
        });
    }

    /** The members of whatever incarnation of {@code key}'s room id was live at {@code at}, from the change log. */
    private List<String> membersAt(RoomKey key, long at) {
        Set<String> members = new LinkedHashSet<>();
        for (Change change : log.of(key)) {
            if (change.timeMillis() > at) {
                break;
            }
            switch (change.type()) {
                case RoomCreated, RoomDestroyed -> members.clear();
                case UserJoined -> members.add(change.userId());
                case UserLeft -> members.remove(change.userId());
            }
        }
        return List.copyOf(members);
    }

    /** A room id's member list as served since its refresh {@code at}. */
    private record Snapshot(long at, List<String> members) {}

    private LiveRoom newRoom(RoomSpec spec, long now) {
        RoomKey key = spec.key();
        Map<String, Object> attributes = new LinkedHashMap<>(spec.attributes());
        Object views = attributes.remove("ViewCount");
        if (key.vendor() != Vendor.VOLCENGINE) {
            LiveRoom room = new LiveRoom(key, Long.toString(now / 1000), now, attributes, null);
            room.viewCount = views instanceof Number ? ((Number) views).longValue() : 0;
            return room;
        }
        Call call = new Call(key.app(), callId(spec, now), key.roomId(), now);
        calls.computeIfAbsent(key.app(), a -> new ArrayList<>()).add(call);
        return new LiveRoom(key, call.callId, now, attributes, call);
    }

    private String callId(RoomSpec spec, long now) {
        String wanted = spec.callId();
        if (wanted == null) {
            return now / 1000 + "-" + nextCallNo++; // deterministic for a given clock and history
        }
        boolean used = calls.getOrDefault(spec.key().app(), List.of()).stream().anyMatch(c -> c.callId.equals(wanted));
        if (used) {
            throw new IllegalStateException("CallId " + wanted + " was already used in app "
                    + spec.key().app());
        }
        return wanted;
    }

    private void removeMember(LiveRoom room, String userId, long now) {
        room.members.remove(userId);
        recordCount(room, now);
        log.append(now, room.key, room.incarnation, ChangeType.UserLeft, userId);
    }

    private void recordCount(LiveRoom room, long now) {
        if (room.call != null) {
            room.call.record(now, room.members.size(), historyMillis);
        }
    }

    private LiveRoom live(RoomKey key) {
        LiveRoom room = rooms.get(key);
        if (room == null) {
            throw new NoSuchElementException("room " + key + " is not live");
        }
        return room;
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
