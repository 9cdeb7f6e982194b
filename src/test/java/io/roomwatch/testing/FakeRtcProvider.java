package io.roomwatch.testing;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.ProviderTraits;
import io.roomwatch.provider.RtcProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A vendor in memory, driven by the test: rooms and members change when the test says so. Member calls are spaced
 * to {@code memberQps} like a rate budget would; sweeps take {@code sweepDuration}. Every call is recorded with the
 * scheduler's time, so tests assert <em>when</em> things happened. Thread-safe enough for virtual time (one thread).
 */
public final class FakeRtcProvider implements RtcProvider {

    /** How room sweeps behave. */
    public enum Listing {
        /** The whole list of live rooms (TUILiveKit-like; may be made to drift with {@link #hideFromListing}). */
        COMPLETE,
        /** Rooms created since the asked time, finished ones included (Volcengine-like); always partial. */
        WINDOW
    }

    /** One room incarnation of the fake world. */
    public static final class Room {
        final String roomId;
        final String incarnation;
        final Instant createdAt;
        final Map<String, Visibility> members = new LinkedHashMap<>();
        // (ms, members from then on): what a snapshot taken at a given time shows
        final List<Map.Entry<Long, Map<String, Visibility>>> history = new ArrayList<>();
        Instant endedAt;

        Room(String roomId, String incarnation, Instant createdAt) {
            this.roomId = roomId;
            this.incarnation = incarnation;
            this.createdAt = createdAt;
        }
    }

    private final AppKey app;
    private final Scheduler timer;
    private final Listing listing;
    private final long spacingNanos;
    private Duration sweepDuration = Duration.ofMillis(100);
    private long nextFreeNanos;
    private long nextFreeProbeNanos;
    private final Map<String, Room> live = new LinkedHashMap<>();
    private final List<Room> finished = new ArrayList<>();
    private final List<String> hidden = new ArrayList<>();
    private final List<Long> sweepStarts = new ArrayList<>();
    private final Map<String, List<Long>> memberCalls = new HashMap<>();
    private final AtomicInteger sweepsRunning = new AtomicInteger();
    private int maxSweepsRunning;
    private int failSweeps;
    private Supplier<RuntimeException> sweepFailure = () -> new IllegalStateException("unset");
    private Supplier<RuntimeException> memberFailure;
    private int probes;
    private long refreshMillis;
    private final Map<String, Long> phases = new HashMap<>();

    public FakeRtcProvider(AppKey app, Scheduler timer, Listing listing, int memberQps) {
        this.app = app;
        this.timer = timer;
        this.listing = listing;
        this.spacingNanos = TimeUnit.SECONDS.toNanos(1) / memberQps;
    }

    // ---- the world, driven by the test

    public FakeRtcProvider sweepDuration(Duration duration) {
        this.sweepDuration = duration;
        return this;
    }

    public FakeRtcProvider createRoom(String roomId, String incarnation, String... users) {
        Room room = new Room(roomId, incarnation, now());
        for (String user : users) {
            room.members.put(user, Visibility.VISIBLE);
        }
        live.put(roomId, room);
        remember(room);
        return this;
    }

    /**
     * Member answers become snapshots refreshed every {@code period} (TUILiveKit's {@code get_member_list}), at each
     * room's phase ({@link #phase}, 0 unless set); the traits declare the period. Set it before the poller is built.
     */
    public FakeRtcProvider snapshots(Duration period) {
        this.refreshMillis = period.toMillis();
        return this;
    }

    /** {@code roomId}'s snapshots are refreshed {@code millis} after each multiple of the period (may change: drift). */
    public FakeRtcProvider phase(String roomId, long millis) {
        phases.put(roomId, millis);
        return this;
    }

    /** From now on, snapshots are refreshed every {@code period} (the vendor changed its period). */
    public FakeRtcProvider changePeriod(Duration period) {
        this.refreshMillis = period.toMillis();
        return this;
    }

    /** The time (ms) of the last refresh of {@code roomId}'s snapshot at or before {@code nowMillis}. */
    public long lastRefresh(String roomId, long nowMillis) {
        long phase = phases.getOrDefault(roomId, 0L);
        return phase + Math.floorDiv(nowMillis - phase, refreshMillis) * refreshMillis;
    }

    private void remember(Room room) {
        room.history.add(Map.entry(timer.now(TimeUnit.MILLISECONDS), Map.copyOf(room.members)));
    }

    /** What {@code room}'s member answer shows now: live members, or the snapshot of its last refresh. */
    private Map<String, Visibility> shown(Room room) {
        if (refreshMillis == 0) {
            return room.members;
        }
        long refreshed = lastRefresh(room.roomId, timer.now(TimeUnit.MILLISECONDS));
        Map<String, Visibility> shown = Map.of();
        for (Map.Entry<Long, Map<String, Visibility>> step : room.history) {
            if (step.getKey() <= refreshed) {
                shown = step.getValue();
            }
        }
        return shown;
    }

    public FakeRtcProvider destroyRoom(String roomId) {
        Room room = live.remove(roomId);
        room.endedAt = now();
        finished.add(room);
        return this;
    }

    public FakeRtcProvider join(String roomId, String user) {
        live.get(roomId).members.put(user, Visibility.VISIBLE);
        remember(live.get(roomId));
        return this;
    }

    public FakeRtcProvider leave(String roomId, String user) {
        live.get(roomId).members.remove(user);
        remember(live.get(roomId));
        return this;
    }

    /** The room stays live but the next listings miss it, as a drifting TUILiveKit page would. */
    public FakeRtcProvider hideFromListing(String roomId) {
        hidden.add(roomId);
        return this;
    }

    public FakeRtcProvider failNextSweeps(int count, Supplier<RuntimeException> failure) {
        this.failSweeps = count;
        this.sweepFailure = failure;
        return this;
    }

    /** Every member call fails with this until set to null. */
    public FakeRtcProvider failMembers(Supplier<RuntimeException> failure) {
        this.memberFailure = failure;
        return this;
    }

    // ---- what happened

    public List<Long> sweepStartsMillis() {
        return List.copyOf(sweepStarts);
    }

    public int maxConcurrentSweeps() {
        return maxSweepsRunning;
    }

    public List<Long> memberCallsMillis(String roomId) {
        return List.copyOf(memberCalls.getOrDefault(roomId, List.of()));
    }

    public int memberCallCount() {
        return memberCalls.values().stream().mapToInt(List::size).sum();
    }

    public int probeCount() {
        return probes;
    }

    /** The true presence now, as {@link EventReplay#presence()} shows it. */
    public Map<String, java.util.Set<String>> truth() {
        Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
        live.values()
                .forEach(r -> out.put(r.roomId + "#" + r.incarnation, new java.util.TreeSet<>(r.members.keySet())));
        return out;
    }

    // ---- RtcProvider

    @Override
    public AppKey app() {
        return app;
    }

    /**
     * A complete listing may miss live rooms and names live incarnations, as Tencent's do (and its {@code
     * get_room_info} probes).
     */
    @Override
    public ProviderTraits traits() {
        boolean complete = listing == Listing.COMPLETE;
        return ProviderTraits.NONE
                .withListingMayMissLiveRooms(complete)
                .withProbeNamesIncarnation(complete)
                .withMemberRefresh(Duration.ofMillis(refreshMillis));
    }

    @Override
    public Mono<RoomSweep> rooms(Instant createdSince) {
        return Mono.defer(() -> {
                    Instant started = now();
                    sweepStarts.add(timer.now(TimeUnit.MILLISECONDS));
                    maxSweepsRunning = Math.max(maxSweepsRunning, sweepsRunning.incrementAndGet());
                    return Mono.delay(sweepDuration, timer)
                            .then(Mono.fromCallable(() -> listRooms(createdSince, started)));
                })
                .doFinally(s -> sweepsRunning.decrementAndGet());
    }

    private RoomSweep listRooms(Instant createdSince, Instant started) {
        if (failSweeps > 0) {
            failSweeps--;
            throw sweepFailure.get();
        }
        List<RoomSighting> rooms = new ArrayList<>();
        live.values().stream().filter(r -> !hidden.contains(r.roomId)).forEach(r -> rooms.add(sighting(r)));
        if (listing == Listing.WINDOW) {
            rooms.removeIf(s -> s.createdAt().isBefore(createdSince));
            finished.stream().filter(r -> !r.createdAt.isBefore(createdSince)).forEach(r -> rooms.add(sighting(r)));
            return new RoomSweep(app, Completeness.PARTIAL, rooms, now(), now());
        }
        return RoomSweep.seen(app, Completeness.COMPLETE, rooms, started, now());
    }

    @Override
    public Mono<Observation> members(RoomRef room) {
        return paced(() -> {
            memberCalls
                    .computeIfAbsent(room.key().roomId(), k -> new ArrayList<>())
                    .add(timer.now(TimeUnit.MILLISECONDS));
            if (memberFailure != null) {
                throw memberFailure.get();
            }
            Room now = live.get(room.key().roomId());
            if (now == null) {
                return new RoomGone(room, null, now());
            }
            if (refreshMillis > 0) { // a snapshot may show the room a period before the call, as TUILiveKit's
                return new MemberList(room, Completeness.COMPLETE, shown(now), now().minusMillis(refreshMillis), now());
            }
            return new MemberList(room, Completeness.COMPLETE, now.members, now());
        });
    }

    @Override
    public Mono<Observation> probe(RoomRef room) {
        return pacedProbe(() -> {
            probes++;
            Room now = live.get(room.key().roomId());
            if (now == null) {
                return new RoomGone(room, null, now());
            }
            return RoomSweep.seen(app, Completeness.PARTIAL, List.of(sighting(now)), now(), now());
        });
    }

    private Mono<Observation> paced(Supplier<Observation> call) {
        return Mono.defer(() -> {
            long nowNanos = timer.now(TimeUnit.NANOSECONDS);
            long start = Math.max(nowNanos, nextFreeNanos);
            nextFreeNanos = start + spacingNanos;
            return Mono.delay(Duration.ofNanos(start - nowNanos + 1), timer).then(Mono.fromSupplier(call));
        });
    }

    /** Probes pay from a budget of their own, as Tencent's {@code get_room_info} does. */
    private Mono<Observation> pacedProbe(Supplier<Observation> call) {
        return Mono.defer(() -> {
            long nowNanos = timer.now(TimeUnit.NANOSECONDS);
            long start = Math.max(nowNanos, nextFreeProbeNanos);
            nextFreeProbeNanos = start + spacingNanos;
            return Mono.delay(Duration.ofNanos(start - nowNanos + 1), timer).then(Mono.fromSupplier(call));
        });
    }

    private static RoomSighting sighting(Room r) {
        return r.endedAt == null
                ? RoomSighting.live(r.roomId, r.incarnation, r.createdAt)
                : RoomSighting.ended(r.roomId, r.incarnation, r.createdAt, r.endedAt);
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
    }
}
