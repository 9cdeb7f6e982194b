package io.roomwatch.provider;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The request budget of one (app, API): spaces permits so that no one-second window ever holds more than {@code
 * limit} of them, and slows down when the vendor says "too many requests".
 *
 * <p>Permits are spaced at least {@code 1 s / currentRate} apart (Reactor-native spacing, style.md §2.9): with
 * {@code currentRate <= limit}, every half-open window {@code [t, t + 1 s)} contains at most {@code limit} permits.
 * {@link #throttled()} halves the rate (at most once per second, down to {@code limit / 16}); each further second
 * without a throttled answer adds back a tenth of the limit (at least one permit per second), up to {@code limit}
 * (additive increase, multiplicative decrease).
 *
 * <p>Thread-safe. All time comes from the injected scheduler: virtual in tests.
 */
public final class RateBudget {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final int limit;
    private final Scheduler timer;
    private final double floor;
    private final double recoveryPerSecond;

    // guarded by this
    private double rateAtThrottle;
    private long throttledAt;
    private long nextFree;
    private long epoch;
    private long used;

    private final Map<CallOutcome, LongAdder> outcomes = new EnumMap<>(CallOutcome.class);

    private RateBudget(String name, int limit, Scheduler timer) {
        this.name = name;
        this.limit = limit;
        this.timer = timer;
        this.floor = limit / 16.0;
        this.recoveryPerSecond = Math.max(1.0, limit / 10.0);
        this.rateAtThrottle = limit;
        this.throttledAt = Long.MIN_VALUE;
        this.nextFree = Long.MIN_VALUE;
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    /**
     * A budget of {@code limit} requests per second.
     *
     * @param name for metrics and logs, e.g. {@code volcengine/app-1 ListRoomInfo}
     * @param limit the configured requests per second, at least 1
     * @param timer the source of time and delays
     */
    public static RateBudget create(String name, int limit, Scheduler timer) {
        if (limit < 1) {
            throw new IllegalArgumentException(name + ": limit must be >= 1, was " + limit);
        }
        return new RateBudget(name, limit, timer);
    }

    /**
     * One permit: completes when the request may be sent. Lazy (a slot is reserved on subscription, so every retry
     * pays again) and cancellable (cancelling the wait sends nothing and counts nothing). A permit whose slot was
     * reserved before a {@link #throttled()} answer queues again at the lower rate when its slot comes. Completes on
     * the timer's thread, or at once on the subscribing thread when a slot is free.
     */
    public Mono<Void> acquire() {
        return Mono.defer(() -> {
            long[] slot = reserve(); // {wait in ns, epoch}
            Mono<Void> wait = slot[0] <= 0
                    ? Mono.empty()
                    : Mono.delay(Duration.ofNanos(slot[0]), timer).then();
            return wait.then(Mono.defer(() -> grant(slot[1]) ? Mono.<Void>empty() : acquire()));
        });
    }

    /** The vendor said "too many requests": halve the rate (once per second at most) and push the next permit back. */
    public synchronized void throttled() {
        long now = timer.now(NANOSECONDS);
        if (throttledAt != Long.MIN_VALUE && now - throttledAt < SECOND) {
            return; // answers to requests sent before the first halving say nothing new
        }
        rateAtThrottle = Math.max(floor, rateAt(now) / 2);
        throttledAt = now;
        epoch++; // slots reserved at the old rate are given up and reserved again at the new one
        nextFree = now + spacing(rateAtThrottle); // every slot still to come is at least this far from the last one
    }

    /** The rate permits are handed out at now, in requests per second. */
    public synchronized double currentRate() {
        return rateAt(timer.now(NANOSECONDS));
    }

    /** The configured limit, in requests per second. */
    public int limit() {
        return limit;
    }

    /** How many permits were handed out so far (retries included). */
    public synchronized long used() {
        return used;
    }

    /** Counts how one attempt paid from this budget ended (for metrics; the retry policy calls it). */
    public void count(CallOutcome outcome) {
        outcomes.get(outcome).increment();
    }

    /** How many attempts paid from this budget ended with {@code outcome}. */
    public long calls(CallOutcome outcome) {
        return outcomes.get(outcome).sum();
    }

    /** The name given at creation. */
    public String name() {
        return name;
    }

    private synchronized long[] reserve() {
        long now = timer.now(NANOSECONDS);
        long start = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
        nextFree = start + spacing(rateAt(start));
        return new long[] {start - now, epoch};
    }

    private synchronized boolean grant(long reservedIn) {
        if (reservedIn != epoch) {
            return false;
        }
        used++;
        return true;
    }

    private double rateAt(long now) {
        if (throttledAt == Long.MIN_VALUE) {
            return limit;
        }
        long cleanSeconds = Math.max(0, (now - throttledAt) / SECOND);
        return Math.min(limit, rateAtThrottle + cleanSeconds * recoveryPerSecond);
    }

    private static long spacing(double rate) {
        return (long) Math.ceil(SECOND / rate);
    }

    @Override
    public String toString() {
        return name + " (" + limit + "/s)";
    }
}
