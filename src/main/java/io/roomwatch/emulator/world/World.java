package io.roomwatch.emulator.world;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.roomwatch.emulator.CallRecord;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
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
    private final Map<RoomAddress, LiveRoom> rooms = new LinkedHashMap<>();
    private final Map<String, List<CallHistory>> calls = new LinkedHashMap<>();
    private final ChangeLog log;
    private final Map<RoomAddress, Snapshot> snapshots = new HashMap<>();
    private long nextCallNo = 1;

    private World(Scheduler clock, int changeLogCapacity, long historyMillis, long retentionMillis) {
        this.clock = clock;
        this.log = new ChangeLog(changeLogCapacity);
        this.historyMillis = historyMillis;
        this.retentionMillis = retentionMillis;
    }

    /** A world on {@code clock} keeping {@code changeLogCapacity} changes, 60 s of count history and 14 days of calls. */
    public static World create(Scheduler clock, int changeLogCapacity) {
        return create(clock, changeLogCapacity, 60_000, 14L * 24 * 3600 * 1000);
    }

    /**
     * A world on {@code clock} keeping {@code changeLogCapacity} changes, {@code historyMillis} of Volcengine member
     * count history (at least the data delay: {@code ListRoomInfo} answers as of that long ago) and finished calls for
     * {@code retentionMillis} (the look-back).
     */
    public static World create(Scheduler clock, int changeLogCapacity, long historyMillis, long retentionMillis) {
        return new World(clock, changeLogCapacity, historyMillis, retentionMillis);
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
    public TrueRoom createRoom(RoomSpec spec) {
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
    public boolean destroyRoom(RoomAddress key) {
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
    public boolean join(RoomAddress key, String userId, boolean invisible) {
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        return locked(() -> {
            LiveRoom room = live(key);
            if (room.members.containsKey(userId)) {
                return false;
            }
            long now = now();
            MemberState member = new MemberState(userId, invisible && key.vendor() == Vendor.VOLCENGINE, now);
            room.members.put(userId, member);
            if (key.vendor() == Vendor.TENCENT_LIVE) {
                room.viewCount++;
            }
            recordCount(room, now);
            log.append(now, key, room.incarnation, ChangeType.UserJoined, userId, member.invisible());
            return true;
        });
    }

    /**
     * Removes a member and logs {@code UserLeft}; false if not a member.
     *
     * @throws NoSuchElementException if the room is not live
     */
    public boolean leave(RoomAddress key, String userId) {
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
    public void setViewCount(RoomAddress key, long viewCount) {
        if (viewCount < 0) {
            throw new IllegalArgumentException("viewCount must be >= 0, was " + viewCount);
        }
        locked(() -> live(key).viewCount = viewCount);
    }

    /** The live room, if any. */
    public Optional<TrueRoom> room(RoomAddress key) {
        return locked(() -> Optional.ofNullable(rooms.get(key)).map(LiveRoom::state));
    }

    /** Every live room, in creation order. */
    public List<TrueRoom> rooms() {
        return locked(() -> rooms.values().stream().map(LiveRoom::state).toList());
    }

    /** The live rooms of one vendor app, in creation order. */
    public List<TrueRoom> rooms(Vendor vendor, String app) {
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
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return locked(() -> log.since(since, limit));
    }

    /**
     * Volcengine {@code ListRoomInfo}'s view: calls created at or before {@code asOf}, as they looked then (finished
     * only if they ended by then).
     */
    public List<CallRecord> callsAsOf(String appId, long asOf) {
        return locked(() -> {
            List<CallHistory> appCalls = calls.computeIfAbsent(appId, a -> new ArrayList<>());
            long horizon = now() - retentionMillis;
            appCalls.removeIf(c -> c.finishedBefore(horizon)); // the 14-day look-back is also the retention
            return appCalls.stream()
                    .filter(c -> c.createdAt <= asOf)
                    .map(c -> c.asOf(asOf))
                    .toList();
        });
    }

    /**
     * TUILiveKit's {@code get_member_list}: the member list of the room id as it was at its latest refresh. The vendor
     * refreshes each room's list every {@code refreshMillis}, at a phase of its own (here drawn from the room id), and
     * the refresh is per room id: a room re-created since the last refresh is served the previous incarnation's
     * members until the next one. Empty when the room does not exist now (error 100004); {@code refreshMillis} 0:
     * live.
     */
    public Optional<List<String>> memberSnapshot(RoomAddress key, long refreshMillis) {
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
    private List<String> membersAt(RoomAddress key, long at) {
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
        RoomAddress key = spec.key();
        Map<String, Object> attributes = new LinkedHashMap<>(spec.attributes());
        Object views = attributes.remove("ViewCount");
        if (key.vendor() != Vendor.VOLCENGINE) {
            LiveRoom room = new LiveRoom(key, Long.toString(now / 1000), now, attributes, null);
            room.viewCount = views instanceof Number ? ((Number) views).longValue() : 0;
            return room;
        }
        CallHistory call = new CallHistory(key.app(), callId(spec, now), key.roomId(), now);
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
        MemberState member = room.members.remove(userId);
        recordCount(room, now);
        // the leave keeps the join's visibility: the vendor calls back InvisibleUserLeaveRoom for an invisible member
        log.append(now, room.key, room.incarnation, ChangeType.UserLeft, userId, member != null && member.invisible());
    }

    private void recordCount(LiveRoom room, long now) {
        if (room.call != null) {
            room.call.record(now, room.members.size(), historyMillis);
        }
    }

    private LiveRoom live(RoomAddress key) {
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
