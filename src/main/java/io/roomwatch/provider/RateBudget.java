package io.roomwatch.provider;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;

/**
 * The request budget of one (app, API): hands out permits so that no one-second window ever holds more than {@code
 * limit} of them, first come first served, and slows down when the vendor says "too many requests".
 *
 * <p>Two rules decide when a permit is handed out:
 *
 * <ul>
 *   <li><b>Spacing.</b> Slots are reserved at subscription, at least {@code 1 s / currentRate} apart (Reactor-native
 *       spacing, style.md §2.9).
 *   <li><b>Window.</b> The vendor counts requests when they <em>reach</em> it, and spacing alone is exact only if
 *       every request leaves on time and travels equally fast: one handed out late (a busy thread, a GC pause, a cold
 *       JIT) or held up on the way or in the vendor's front end, followed by punctual ones, puts {@code limit + 1}
 *       requests into one vendor second, and the vendor throttles. So a permit is handed out no sooner than one second
 *       plus {@link #JITTER_ALLOWANCE} after the latest moment the request {@code limit} places before it can have
 *       reached the vendor. For a call made through {@link #paced}, that moment is estimated from its answer: answered
 *       at {@code r}, it reached the vendor no later than {@code r - rttFloor}, where {@code rttFloor} is the shortest
 *       hand-out-to-answer time of any call answered in the last {@link #FLOOR_HORIZON} (what the way back takes at
 *       least). A call answered late therefore holds back the permit {@code limit} places after it by as much as it
 *       was late. A call not yet answered holds that permit back until it is, but at most {@link #MAX_HOLD} longer (a
 *       hung request must not stall the budget). For a bare {@link #acquire()}, the moment is its hand-out.
 * </ul>
 *
 * <p>Why a floor over minutes, not the shortest of the last {@code limit} round trips (issue 14): a round trip is
 * the way out plus the way back, and only the way back may be subtracted from an answer time. When a loaded machine
 * (a busy event loop, a full connection pool, the vendor's front end) slows every request on its way out for a
 * second, the shortest of the last {@code limit} round trips is all way out, the arrivals of that second are dated
 * too early, and the first punctual request after the load reaches the vendor less than a second after the one
 * {@code limit} places before it: {@code limit + 1} in one vendor second. Over minutes, the shortest round trip is
 * one the load did not slow. A cancelled call is not a round trip and is not sampled. What is left: a load that slows
 * every request on its way out for the whole horizon, from the first answer on, and then lifts at once; and a call
 * cancelled (timed out) after it was sent but before the vendor read it, whose arrival can come after the moment
 * it is taken for answered.
 *
 * <p>Permits are handed out strictly in the order they were reserved (a ticket queue): a permit whose slot came while
 * an earlier one still waits is handed out right after it, so no caller can lose its turn to later ones and starve.
 * Waiting is event-driven (one timer task per waiting permit, rescheduled only when the window rule needs more time):
 * nothing polls.
 *
 * <p>{@link #throttled()} halves the rate (at most once per second, down to {@code limit / 16}) and moves every
 * waiting permit to a slot at the new rate, in the same order; each further second without a throttled answer adds
 * back a tenth of the limit (at least one permit per second), up to {@code limit} (additive increase, multiplicative
 * decrease).
 *
 * <p>Thread-safe. All time comes from the injected scheduler: virtual in tests. Memory: one ticket per waiting
 * subscriber (callers bound their own concurrency), a ring of {@code limit} hand-out times and 30 round-trip minima.
 */
public final class RateBudget {

    /** How much later than one second after the permit {@code limit} places before a permit may leave. */
    static final long JITTER_ALLOWANCE = TimeUnit.MILLISECONDS.toNanos(15);

    /** How much longer than the window rule asks an unanswered call may hold back the permit after it. */
    static final long MAX_HOLD = TimeUnit.SECONDS.toNanos(1);

    /** How far back the shortest round trip is looked for (in {@link #FLOOR_BUCKETS} buckets). */
    static final long FLOOR_HORIZON = TimeUnit.MINUTES.toNanos(5);

    private static final int FLOOR_BUCKETS = 30;
    private static final long FLOOR_BUCKET = FLOOR_HORIZON / FLOOR_BUCKETS;

    private static final long UNANSWERED = Long.MAX_VALUE;

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
    private long nextTicket;
    private final TreeMap<Long, Ticket> waiting = new TreeMap<>();
    // rings over the last `limit` permits, by hand-out number % limit: when each was handed out and answered
    private final long[] handedOut;
    private final long[] answered;
    private @Nullable Ticket blockedOnAnswer; // the head, when it waits for an answer to come in
    private long used;
    // the shortest round trip answered in each of the last FLOOR_BUCKETS time buckets, by bucket number % FLOOR_BUCKETS
    private final long[] floorOf = new long[FLOOR_BUCKETS];
    private final long[] floorBucket = new long[FLOOR_BUCKETS];

    private final Map<CallOutcome, LongAdder> outcomes = new EnumMap<>(CallOutcome.class);
    private final Map<AnswerFlaw, LongAdder> flaws = new EnumMap<>(AnswerFlaw.class);

    private RateBudget(String name, int limit, Scheduler timer) {
        this.name = name;
        this.limit = limit;
        this.timer = timer;
        this.floor = limit / 16.0;
        this.recoveryPerSecond = Math.max(1.0, limit / 10.0);
        this.rateAtThrottle = limit;
        this.throttledAt = Long.MIN_VALUE;
        this.nextFree = Long.MIN_VALUE;
        this.handedOut = new long[limit];
        this.answered = new long[limit];
        java.util.Arrays.fill(floorBucket, Long.MIN_VALUE);
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
        for (AnswerFlaw flaw : AnswerFlaw.values()) {
            flaws.put(flaw, new LongAdder());
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
     * pays again) and cancellable (cancelling the wait sends nothing and counts nothing; the slot is not given to
     * anyone else). Completes on the timer's thread, or at once on the subscribing thread when a slot is free and no
     * earlier permit waits.
     */
    public Mono<Void> acquire() {
        return permit(null);
    }

    /**
     * {@code call} sent with a permit: lazy (a permit is reserved on subscription, so each resubscription, e.g. each
     * retry, pays again), subscribed to on the thread that hands out the permit. When {@code call} terminates or is
     * cancelled, its answer time feeds the window rule (see the class comment). Errors and values of {@code call} pass
     * through unchanged.
     */
    public <T> Mono<T> paced(Mono<T> call) {
        return Mono.defer(() -> {
            Ticket[] granted = new Ticket[1];
            return permit(granted).then(call).doFinally(signal -> {
                Ticket ticket = granted[0];
                if (ticket != null && ticket.handOut >= 0) {
                    answered(ticket.handOut, signal != SignalType.CANCEL);
                }
            });
        });
    }

    private Mono<Void> permit(@Nullable Ticket @Nullable [] granted) {
        return Mono.create(sink -> {
            Ticket ticket = reserve(sink, granted != null);
            if (granted != null) {
                granted[0] = ticket;
            }
            sink.onCancel(() -> cancel(ticket));
            schedule(ticket);
        });
    }

    /**
     * The vendor said "too many requests": halve the rate (once per second at most) and move every waiting permit to
     * a slot at the new rate, keeping their order.
     */
    public void throttled() {
        List<Ticket> moved = new ArrayList<>();
        List<Disposable> stale = new ArrayList<>();
        synchronized (this) {
            long now = timer.now(NANOSECONDS);
            if (throttledAt != Long.MIN_VALUE && now - throttledAt < SECOND) {
                return; // answers to requests sent before the first halving say nothing new
            }
            rateAtThrottle = Math.max(floor, rateAt(now) / 2);
            throttledAt = now;
            nextFree = now + spacing(rateAtThrottle); // the next slot is at least this far from the last one
            blockedOnAnswer = null; // it moves to a new slot like the others
            for (Ticket t : waiting.values()) {
                t.slot = takeSlot(now);
                t.due = false;
                t.generation++;
                if (t.task != null) {
                    stale.add(t.task);
                    t.task = null;
                }
                moved.add(t);
            }
        }
        stale.forEach(Disposable::dispose);
        moved.forEach(this::schedule);
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

    /**
     * Counts one odd answer of this API (for metrics; the clients call it where they skip an item, stop a walk or
     * read a time as absent) and returns how many of that kind were counted so far, this one included.
     */
    public long flawed(AnswerFlaw flaw) {
        LongAdder count = flaws.get(flaw);
        count.increment();
        return count.sum();
    }

    /** How many odd answers of kind {@code flaw} were counted for this API. */
    public long flaws(AnswerFlaw flaw) {
        return flaws.get(flaw).sum();
    }

    /** The name given at creation. */
    public String name() {
        return name;
    }

    private synchronized Ticket reserve(MonoSink<Void> sink, boolean awaitsAnswer) {
        Ticket ticket = new Ticket(nextTicket++, sink, awaitsAnswer);
        ticket.slot = takeSlot(timer.now(NANOSECONDS));
        waiting.put(ticket.number, ticket);
        return ticket;
    }

    private long takeSlot(long now) {
        long start = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
        nextFree = start + spacing(rateAt(start));
        return start;
    }

    /** Wakes {@code ticket} at its slot (or at once if the slot has come). */
    private void schedule(Ticket ticket) {
        long delay;
        int generation;
        synchronized (this) {
            if (!waiting.containsKey(ticket.number)) {
                return; // cancelled meanwhile
            }
            delay = ticket.slot - timer.now(NANOSECONDS);
            generation = ticket.generation;
        }
        if (delay <= 0) {
            arrive(ticket, generation);
            return;
        }
        Disposable task = timer.schedule(() -> arrive(ticket, generation), delay, NANOSECONDS);
        synchronized (this) {
            if (ticket.generation == generation) {
                ticket.task = task; // else a throttle or an answer moved it meanwhile and this task is moot
            }
        }
    }

    private void arrive(Ticket ticket, int generation) {
        synchronized (this) {
            if (ticket.generation != generation || !waiting.containsKey(ticket.number)) {
                return; // moved by a throttle, or cancelled: another wake-up is (or is not) due
            }
            ticket.due = true;
        }
        handOut();
    }

    /** Hands out permits from the head of the queue while the head is due and the window allows it. */
    private void handOut() {
        List<MonoSink<Void>> granted = new ArrayList<>();
        @Nullable Ticket blocked = null;
        synchronized (this) {
            while (!waiting.isEmpty()) {
                Ticket head = waiting.firstEntry().getValue();
                if (!head.due) {
                    break; // its own wake-up will hand it (and the ones due behind it) out
                }
                long now = timer.now(NANOSECONDS);
                int slot = (int) (used % limit);
                long windowOpens = used < limit ? Long.MIN_VALUE : windowOpens(slot, now);
                if (windowOpens != Long.MIN_VALUE && answered[slot] == UNANSWERED && now < windowOpens) {
                    blockedOnAnswer = head; // answered() wakes it early
                }
                if (now < windowOpens) {
                    head.slot = windowOpens;
                    head.due = false;
                    head.generation++;
                    blocked = head;
                    break;
                }
                waiting.pollFirstEntry();
                if (blockedOnAnswer == head) {
                    blockedOnAnswer = null;
                }
                handedOut[slot] = now;
                answered[slot] = head.awaitsAnswer ? UNANSWERED : now;
                head.handOut = used;
                used++;
                granted.add(head.sink);
            }
        }
        granted.forEach(MonoSink::success); // outside the lock: subscribers may acquire again at once
        if (blocked != null) {
            schedule(blocked);
        }
    }

    /** When the permit that reuses ring {@code slot} may leave; the permit {@code limit} places before it is there. */
    private long windowOpens(int slot, long now) {
        long sent = handedOut[slot];
        long allowed = sent + SECOND + JITTER_ALLOWANCE;
        if (answered[slot] != UNANSWERED) {
            return Math.max(sent, answered[slot] - rttFloor(now)) + SECOND + JITTER_ALLOWANCE;
        }
        // not answered yet: at least as late as if it had arrived when sent; then until its answer, at most MAX_HOLD
        return now < allowed ? allowed : allowed + MAX_HOLD;
    }

    /** The shortest round trip answered within {@link #FLOOR_HORIZON} before {@code now}; 0 when none was. */
    private long rttFloor(long now) {
        long current = Math.floorDiv(now, FLOOR_BUCKET);
        long min = Long.MAX_VALUE;
        for (int i = 0; i < FLOOR_BUCKETS; i++) {
            if (floorBucket[i] != Long.MIN_VALUE && current - floorBucket[i] < FLOOR_BUCKETS) {
                min = Math.min(min, floorOf[i]);
            }
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    private void sampleRoundTrip(long now, long roundTrip) {
        long bucket = Math.floorDiv(now, FLOOR_BUCKET);
        int i = (int) Math.floorMod(bucket, (long) FLOOR_BUCKETS);
        if (floorBucket[i] != bucket) {
            floorBucket[i] = bucket;
            floorOf[i] = roundTrip;
        } else {
            floorOf[i] = Math.min(floorOf[i], roundTrip);
        }
    }

    /**
     * The call handed out as number {@code handOut} was answered (or failed, or was cancelled) now; {@code
     * roundTrip}: it ended with an answer or an error, not a cancellation, and its time is a round trip.
     */
    private void answered(long handOut, boolean roundTrip) {
        @Nullable Ticket wake;
        @Nullable Disposable task = null;
        synchronized (this) {
            int slot = (int) (handOut % limit);
            if (handOut < used - limit || answered[slot] != UNANSWERED) {
                return; // long out of the ring, or already counted
            }
            long now = timer.now(NANOSECONDS);
            answered[slot] = now;
            if (roundTrip) {
                sampleRoundTrip(now, now - handedOut[slot]);
            }
            wake = blockedOnAnswer;
            blockedOnAnswer = null;
            if (wake == null || !waiting.containsKey(wake.number)) {
                return;
            }
            wake.due = true;
            wake.generation++;
            task = wake.task;
            wake.task = null;
        }
        if (task != null) {
            task.dispose();
        }
        handOut();
    }

    private void cancel(Ticket ticket) {
        @Nullable Disposable task;
        synchronized (this) {
            if (waiting.remove(ticket.number) == null) {
                return;
            }
            task = ticket.task;
        }
        if (task != null) {
            task.dispose();
        }
        handOut(); // the ticket may have been the head that held due ones back
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

    /** One waiting permit. Fields other than the final ones are guarded by the budget's lock. */
    private static final class Ticket {
        final long number;
        final MonoSink<Void> sink;
        final boolean awaitsAnswer;
        long slot;
        long handOut = -1;
        boolean due;
        int generation;

        @Nullable
        Disposable task;

        Ticket(long number, MonoSink<Void> sink, boolean awaitsAnswer) {
            this.number = number;
            this.sink = sink;
            this.awaitsAnswer = awaitsAnswer;
        }
    }
}
