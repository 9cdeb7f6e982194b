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
    private final Map<RoomKey, Entry> entries = new HashMap<>();
    private final TreeSet<Entry> cold = new TreeSet<>(Entry.ORDER);
    private final TreeSet<Entry> hot = new TreeSet<>(Entry.ORDER);
    // picks per 100 ms over the last RATE_WINDOW_MILLIS: the achieved poll rate, in constant memory
    private final long[] picks = new long[BUCKETS];
    private long lastBucket = Long.MIN_VALUE;
    private long firstPick = NEVER;

    RoomQueue(long hotWindowMillis, int hotWeight, long maxStalenessMillis) {
        this.hotWindowMillis = hotWindowMillis;
        this.hotWeight = hotWeight;
        this.maxStalenessMillis = maxStalenessMillis;
    }

    /** Tracks exactly the live rooms of {@code state}: new incarnations are added (never polled), ended ones dropped. */
    void sync(AppState state) {
        entries.values().removeIf(e -> {
            RoomState live = state.live().get(e.ref.key().roomId());
            boolean gone = live == null || !live.ref().equals(e.ref);
            if (gone) {
                cold.remove(e);
                hot.remove(e);
            }
            return gone;
        });
        for (RoomState room : state.live().values()) {
            entries.computeIfAbsent(room.ref().key(), k -> enqueue(new Entry(room.ref(), NEVER, NEVER), NEVER));
        }
    }

    /** The room to poll now, if any room is waiting; it is in flight until {@link #done}. */
    Optional<RoomRef> next(long now) {
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
        enqueue(e, now);
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

        final RoomRef ref;
        long lastPolled;
        long lastChanged;
        boolean inFlight;

        Entry(RoomRef ref, long lastPolled, long lastChanged) {
            this.ref = ref;
            this.lastPolled = lastPolled;
            this.lastChanged = lastChanged;
        }
    }
}
