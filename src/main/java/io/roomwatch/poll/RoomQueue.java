package io.roomwatch.poll;

import io.roomwatch.model.AppState;
import io.roomwatch.model.RoomKey;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides which live room's members to poll next. The member API's rate budget fixes how many polls per second there
 * are; this decides how they are shared:
 *
 * <ul>
 *   <li>Rooms never polled go first (a new room's members are wanted at once).
 *   <li>Otherwise the room that waited longest goes first (round robin: with N rooms and Q polls/s, every room is
 *       polled about every N/Q seconds, the floor for uniform polling).
 *   <li>Rooms whose members changed within {@code hotWindow} are hot: a hot room that waited {@code t} competes like a
 *       quiet room that waited {@code hotWeight * t}, so busy rooms are polled more often and their changes seen
 *       sooner.
 *   <li>Bounds: a room that waited {@link #FAIR_STRETCH} times the round-robin period {@code N / Q} (N live rooms,
 *       Q the polls per second actually achieved over the last {@link #RATE_WINDOW_MILLIS} ms), or
 *       {@code maxStaleness}, whichever is shorter, goes before any hot room. So hot rooms only get the polls quiet
 *       rooms can spare without waiting much longer than under round robin: with a few busy rooms they are polled
 *       many times as often; with activity spread over most rooms the policy stays close to round robin, and the p99
 *       detection latency close to the floor {@code N / Q}, instead of making the quiet majority wait
 *       {@code hotWeight} times longer.
 * </ul>
 *
 * <p>With {@link io.roomwatch.config.MemberSchedule#NEWS} a room also rests after each read until its answer can bring
 * news ({@link RefreshPhase}): at least {@code minInterval} (the per-room floor), and for a snapshot API until just
 * after its learnt refresh, but never longer than {@code maxStaleness}. Resting rooms do not compete; when every room
 * rests, no poll is made and the budget is left unused. Rooms never polled do not rest: they still go first. With
 * {@link io.roomwatch.config.MemberSchedule#BUDGET} no room rests (the policy before issue 15).
 *
 * <p>A picked room is "in flight" and not picked again until {@link #done} is called. Not thread-safe: the engine
 * calls it under its own lock. Times are milliseconds from the engine's scheduler.
 */
final class RoomQueue {

    private static final long NEVER = Long.MIN_VALUE / 4;

    /** How much longer than the round-robin period any room may wait for the sake of hot rooms. */
    static final double FAIR_STRETCH = 1.1;

    /** Over how long a past the achieved poll rate Q is measured. */
    static final long RATE_WINDOW_MILLIS = 10_000;

    private static final long BUCKET_MILLIS = 100;
    private static final int BUCKETS = (int) (RATE_WINDOW_MILLIS / BUCKET_MILLIS);

    private final long hotWindowMillis;
    private final int hotWeight;
    private final long maxStalenessMillis;
    private final boolean news;
    private final long minIntervalMillis;
    private final long refreshMillis;
    private final long reconcileMillis;
    private final Map<RoomKey, Entry> entries = new HashMap<>();
    // rooms whose answer cannot bring news yet, by when it can
    private final TreeSet<Entry> resting = new TreeSet<>(Entry.DUE);
    private final TreeSet<Entry> cold = new TreeSet<>(Entry.ORDER);
    private final TreeSet<Entry> hot = new TreeSet<>(Entry.ORDER);
    // picks per 100 ms over the last RATE_WINDOW_MILLIS: the achieved poll rate, in constant memory
    private final long[] picks = new long[BUCKETS];
    private long lastBucket = Long.MIN_VALUE;
    private long firstPick = NEVER;

    /** The policy before issue 15 ({@link io.roomwatch.config.MemberSchedule#BUDGET}): no room ever rests. */
    RoomQueue(long hotWindowMillis, int hotWeight, long maxStalenessMillis) {
        this(hotWindowMillis, hotWeight, maxStalenessMillis, false, 0, 0, 0);
    }

    /**
     * @param news whether rooms rest until their answer can bring news ({@link io.roomwatch.config.MemberSchedule#NEWS})
     * @param minIntervalMillis the per-room floor, in ms (news only)
     * @param refreshMillis the vendor's refresh period of member answers, in ms; 0 for live data (news only)
     * @param reconcileMillis for rooms whose callbacks flow ({@link #pushed}): the least time between two reads, in
     *     ms, polling being only their reconciliation; 0: no such rest (news only)
     */
    RoomQueue(
            long hotWindowMillis,
            int hotWeight,
            long maxStalenessMillis,
            boolean news,
            long minIntervalMillis,
            long refreshMillis,
            long reconcileMillis) {
        this.reconcileMillis = reconcileMillis;
        this.hotWindowMillis = hotWindowMillis;
        this.hotWeight = hotWeight;
        this.maxStalenessMillis = maxStalenessMillis;
        this.news = news;
        this.minIntervalMillis = minIntervalMillis;
        this.refreshMillis = refreshMillis;
    }

    /** Tracks exactly the live rooms of {@code state}: new incarnations are added (never polled), ended ones dropped. */
    void sync(AppState state) {
        entries.values().removeIf(e -> {
            RoomState live = state.live().get(e.ref.key().roomId());
            boolean gone = live == null || !live.ref().equals(e.ref);
            if (gone) {
                cold.remove(e);
                hot.remove(e);
                resting.remove(e);
            }
            return gone;
        });
        for (RoomState room : state.live().values()) {
            entries.computeIfAbsent(
                    room.ref().key(), k -> enqueue(new Entry(room.ref(), NEVER, NEVER, refreshMillis), NEVER));
        }
    }

    /** The room to poll now, if any room is waiting; it is in flight until {@link #done}. */
    Optional<RoomRef> next(long now) {
        wake(now);
        demoteCooled(now);
        Entry pick = choose(now);
        if (pick == null) {
            return Optional.empty();
        }
        cold.remove(pick);
        hot.remove(pick);
        countPick(now);
        pick.lastPolled = now;
        pick.inFlight = true;
        return Optional.of(pick.ref);
    }

    /** The poll of {@code ref} ended, whatever its outcome: the room waits for its next turn. */
    void done(RoomRef ref, long now) {
        Entry e = entries.get(ref.key());
        if (e == null || !e.ref.equals(ref) || !e.inFlight) {
            return; // the room ended meanwhile, or it was never ours
        }
        e.inFlight = false;
        if (news && e.lastPolled != NEVER) {
            long next = e.phase.next(e.lastPolled, minIntervalMillis);
            if (reconcileMillis > 0 && e.lastPushed != NEVER && now - e.lastPushed < maxStalenessMillis) {
                // the vendor pushes this room's changes: a read only reconciles what a lost callback missed
                next = Math.max(next, saturatedAdd(e.lastPolled, reconcileMillis));
            }
            long due = Math.min(next, saturatedAdd(e.lastPolled, maxStalenessMillis));
            if (due > now) {
                e.due = due;
                resting.add(e);
                return;
            }
        }
        enqueue(e, now);
    }

    /**
     * A vendor callback about {@code room} arrived at {@code now}: while they flow (one within {@code maxStaleness}),
     * the room is read at most every {@code reconcileMillis}. Rooms not tracked are ignored.
     */
    void pushed(io.roomwatch.model.RoomKey room, long now) {
        Entry e = entries.get(room);
        if (e != null) {
            e.lastPushed = now;
        }
    }

    /**
     * An answer of {@code ref}'s read that began at {@code started} arrived at {@code now}; {@code print} hashes its
     * content. Call before {@link #done}, for answers only (a failed read is no evidence of anything).
     *
     * @return whether the answer is news (the room's first, or different from its previous one); false if the room is
     *     no longer tracked
     */
    boolean answered(RoomRef ref, long started, long now, int print) {
        Entry e = entries.get(ref.key());
        if (e == null || !e.ref.equals(ref)) {
            return false;
        }
        return e.phase.read(started, now, print);
    }

    /** When the first resting room may be read again (ms), or {@link Long#MAX_VALUE} if none rests. */
    long nextDue() {
        return resting.isEmpty() ? Long.MAX_VALUE : resting.first().due;
    }

    /** The learnt window of {@code ref}'s refresh phase in ms, {@code -1} while unknown or untracked (tests, benches). */
    long phaseWidth(RoomRef ref) {
        Entry e = entries.get(ref.key());
        return e == null || !e.ref.equals(ref) ? -1 : e.phase.width();
    }

    /** Rooms whose rest ended compete again. */
    private void wake(long now) {
        while (!resting.isEmpty() && resting.first().due <= now) {
            enqueue(resting.pollFirst(), now);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** The members of {@code ref} changed at {@code now}: the room is hot for {@code hotWindow}. */
    void changed(RoomRef ref, long now) {
        Entry e = entries.get(ref.key());
        if (e == null || !e.ref.equals(ref)) {
            return;
        }
        boolean waiting = !e.inFlight && (cold.remove(e) || hot.remove(e));
        e.lastChanged = now;
        if (waiting) {
            enqueue(e, now);
        }
    }

    /** How many live rooms are tracked, in flight or waiting. */
    int size() {
        return entries.size();
    }

    private @Nullable Entry choose(long now) {
        Entry oldCold = cold.isEmpty() ? null : cold.first();
        Entry oldHot = hot.isEmpty() ? null : hot.first();
        if (oldCold == null || oldHot == null) {
            return oldCold != null ? oldCold : oldHot;
        }
        long coldWait = now - oldCold.lastPolled;
        long hotWait = now - oldHot.lastPolled;
        long bound = Math.min(maxStalenessMillis, fairBound(now));
        if (coldWait >= bound || hotWait >= bound) {
            return coldWait >= hotWait ? oldCold : oldHot;
        }
        return hotWait * hotWeight >= coldWait ? oldHot : oldCold;
    }

    /** {@link #FAIR_STRETCH} x N / Q in milliseconds; no bound until a second of polls was seen. */
    private long fairBound(long now) {
        if (firstPick == NEVER || now - firstPick < 1_000) {
            return Long.MAX_VALUE;
        }
        long covered = Math.min(RATE_WINDOW_MILLIS, now - firstPick);
        advanceBuckets(now);
        long recent = 0;
        for (long count : picks) {
            recent += count;
        }
        if (recent == 0) {
            return Long.MAX_VALUE;
        }
        double perMilli = (double) recent / covered;
        return (long) Math.ceil(FAIR_STRETCH * entries.size() / perMilli);
    }

    private void countPick(long now) {
        if (firstPick == NEVER) {
            firstPick = now;
        }
        advanceBuckets(now);
        picks[(int) Math.floorMod(now / BUCKET_MILLIS, (long) BUCKETS)]++;
    }

    /** Empties the buckets of the 100 ms steps passed since the last pick. */
    private void advanceBuckets(long now) {
        long bucket = Math.floorDiv(now, BUCKET_MILLIS);
        if (lastBucket == Long.MIN_VALUE || bucket - lastBucket >= BUCKETS) {
            Arrays.fill(picks, 0);
        } else {
            for (long b = lastBucket + 1; b <= bucket; b++) {
                picks[(int) Math.floorMod(b, (long) BUCKETS)] = 0;
            }
        }
        lastBucket = Math.max(bucket, lastBucket);
    }

    /** Only the head of the hot set competes, so demoting cooled rooms lazily, as they reach the head, suffices. */
    private void demoteCooled(long now) {
        while (!hot.isEmpty() && now - hot.first().lastChanged >= hotWindowMillis) {
            cold.add(hot.pollFirst());
        }
    }

    private Entry enqueue(Entry e, long now) {
        boolean isHot = e.lastChanged != NEVER && now - e.lastChanged < hotWindowMillis;
        (isHot ? hot : cold).add(e);
        return e;
    }

    private static final class Entry {
        static final Comparator<Entry> ORDER =
                Comparator.<Entry>comparingLong(e -> e.lastPolled).thenComparing(e -> e.ref.key());
        static final Comparator<Entry> DUE =
                Comparator.<Entry>comparingLong(e -> e.due).thenComparing(e -> e.ref.key());

        final RoomRef ref;
        final RefreshPhase phase;
        long lastPolled;
        long lastChanged;
        long due;
        long lastPushed = NEVER;
        boolean inFlight;

        Entry(RoomRef ref, long lastPolled, long lastChanged, long refreshMillis) {
            this.ref = ref;
            this.lastPolled = lastPolled;
            this.lastChanged = lastChanged;
            this.phase = new RefreshPhase(refreshMillis);
        }
    }
}
