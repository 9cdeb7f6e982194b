package io.roomwatch.provider.budget;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The shortest round trip (hand-out to answer) of any call answered in the last {@link #HORIZON}, kept as one
 * minimum per bucket of {@code HORIZON / 30}: what the way back from the vendor takes at least.
 *
 * <p>Why minutes, not the last {@code limit} round trips (issue 14): a round trip is the way out plus the way back,
 * and only the way back may be subtracted from an answer time. When a loaded machine (a busy event loop, a full
 * connection pool, the vendor's front end) slows every request on its way out for a second, the shortest of the last
 * {@code limit} round trips is all way out, that second's arrivals are dated too early, and the first punctual
 * request after the load reaches the vendor less than a second after the one {@code limit} places before it. Over
 * minutes, the shortest round trip is one the load did not slow. Not thread-safe: guarded by its budget's lock.
 */
final class RttFloor {

    /** How far back the shortest round trip is looked for. */
    static final long HORIZON = TimeUnit.MINUTES.toNanos(5);

    private static final int BUCKETS = 30;
    private static final long BUCKET = HORIZON / BUCKETS;

    // the shortest round trip answered in each of the last BUCKETS time buckets, by bucket number % BUCKETS
    private final long[] floorOf = new long[BUCKETS];
    private final long[] bucketOf = new long[BUCKETS];

    RttFloor() {
        Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    /** The shortest round trip answered within {@link #HORIZON} before {@code now}; 0 when none was. */
    long at(long now) {
        long current = Math.floorDiv(now, BUCKET);
        long min = Long.MAX_VALUE;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketOf[i] != Long.MIN_VALUE && current - bucketOf[i] < BUCKETS) {
                min = Math.min(min, floorOf[i]);
            }
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /** A call answered at {@code now} took {@code roundTrip} from hand-out to answer. */
    void sample(long now, long roundTrip) {
        long bucket = Math.floorDiv(now, BUCKET);
        int i = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketOf[i] != bucket) {
            bucketOf[i] = bucket;
            floorOf[i] = roundTrip;
        } else {
            floorOf[i] = Math.min(floorOf[i], roundTrip);
        }
    }
}
