package io.roomwatch.provider.budget;

import java.util.concurrent.TimeUnit;

/**
 * The window rule: the vendor counts requests when they <em>reach</em> it, and spacing alone is exact only if every
 * request leaves on time and travels equally fast. One handed out late (a busy thread, a GC pause, a cold JIT) or held
 * up on the way or in the vendor's front end, followed by punctual ones, puts {@code limit + 1} requests into one
 * vendor second, and the vendor throttles. So a permit leaves no sooner than one second plus {@link
 * #JITTER_ALLOWANCE} after the latest moment the request {@code limit} places before it can have reached the vendor.
 *
 * <p>For a call that reports its answer, that moment is estimated from the answer: answered at {@code r}, it reached
 * the vendor no later than {@code r - rttFloor} ({@link RttFloor}). A call answered late therefore holds back the
 * permit {@code limit} places after it by as much as it was late. A call not yet answered holds that permit back until
 * it is, but at most {@link #MAX_HOLD} longer (a hung request must not stall the budget). For a bare permit, the
 * moment is its hand-out. A cancelled call is not a round trip and is not sampled.
 *
 * <p>Memory: two rings of {@code limit} times (hand-out and answer of the last {@code limit} permits, by hand-out
 * number modulo {@code limit}) and the {@link RttFloor}. Times are timer nanoseconds. Not thread-safe: guarded by its
 * budget's lock.
 */
final class ArrivalWindow {

    /** How much later than one second after the permit {@code limit} places before a permit may leave. */
    static final long JITTER_ALLOWANCE = TimeUnit.MILLISECONDS.toNanos(15);

    /** How much longer than the window rule asks an unanswered call may hold back the permit after it. */
    static final long MAX_HOLD = TimeUnit.SECONDS.toNanos(1);

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long UNANSWERED = Long.MAX_VALUE;

    private final int limit;
    private final long[] handedOut;
    private final long[] answered;
    private final RttFloor rttFloor = new RttFloor();
    private long count;

    ArrivalWindow(int limit) {
        this.limit = limit;
        this.handedOut = new long[limit];
        this.answered = new long[limit];
    }

    /** How many permits were handed out so far; also the hand-out number of the next one. */
    long count() {
        return count;
    }

    /**
     * When the next permit may leave, judged at {@code now}; {@code Long.MIN_VALUE} while fewer than {@code limit}
     * were handed out (the window holds nothing back yet).
     */
    long opensAt(long now) {
        if (count < limit) {
            return Long.MIN_VALUE;
        }
        int slot = slot(count); // the permit limit places before the next one is in the slot the next one reuses
        long sent = handedOut[slot];
        long allowed = sent + SECOND + JITTER_ALLOWANCE;
        if (answered[slot] != UNANSWERED) {
            return Math.max(sent, answered[slot] - rttFloor.at(now)) + SECOND + JITTER_ALLOWANCE;
        }
        // not answered yet: at least as late as if it had arrived when sent; then until its answer, at most MAX_HOLD
        return now < allowed ? allowed : allowed + MAX_HOLD;
    }

    /** Whether the permit {@code limit} places before the next one waits for its answer (an answer may open early). */
    boolean waitsForAnswer() {
        return count >= limit && answered[slot(count)] == UNANSWERED;
    }

    /**
     * Records a permit handed out at {@code now} and returns its hand-out number; {@code awaitsAnswer}: its call will
     * report its answer ({@link #answered}), else its hand-out stands for its arrival.
     */
    long handOut(long now, boolean awaitsAnswer) {
        int slot = slot(count);
        handedOut[slot] = now;
        answered[slot] = awaitsAnswer ? UNANSWERED : now;
        return count++;
    }

    /**
     * The call handed out as number {@code handOut} was answered (or failed, or was cancelled) at {@code now};
     * {@code roundTrip}: it ended with an answer or an error, not a cancellation, so its time is a round trip. False
     * when that says nothing new: the permit is long out of the ring, or its answer was already recorded.
     */
    boolean answered(long handOut, long now, boolean roundTrip) {
        int slot = slot(handOut);
        if (handOut < count - limit || answered[slot] != UNANSWERED) {
            return false;
        }
        answered[slot] = now;
        if (roundTrip) {
            rttFloor.sample(now, now - handedOut[slot]);
        }
        return true;
    }

    private int slot(long handOut) {
        return (int) (handOut % limit);
    }
}
