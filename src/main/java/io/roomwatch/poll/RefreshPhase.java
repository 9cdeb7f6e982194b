package io.roomwatch.poll;

/**
 * When one room's member answer can next carry news: the per-room part of {@link io.roomwatch.config.MemberSchedule#NEWS}.
 *
 * <p>Live data ({@code period} 0) may change at any time: the room is read again {@code floor} after its last read.
 *
 * <p>A snapshot API (TUILiveKit {@code get_member_list}: the vendor refreshes each room's answer every {@code period},
 * at a phase of its own) cannot answer anything new between two refreshes. The phase is learnt from answers only:
 * when an answer differs from the room's previous one, a refresh happened after the previous read began and before
 * this one ended. That window, taken modulo the period, is intersected with what was known, so it narrows as changes
 * are seen. An answer equal to the previous one proves nothing (the members may simply not have changed), and a
 * failed or skipped read is not a read at all: neither ever moves the window. Reads per period, each at least {@code
 * floor} after the one before:
 *
 * <ul>
 *   <li><b>post</b>, {@link #MARGIN_MILLIS} after the latest possible refresh of the window: the read that brings the
 *       news. If a floor-spaced read inside the window came first, as soon as the floor allows;
 *   <li><b>mid</b>, while the window is wider than {@link #NARROW_MILLIS} and the room changed in the last {@link
 *       #RECENT_PERIODS} periods: a read in its middle, which halves it when the answer changes at either read (a
 *       quiet room's answers would not narrow it: it is read once per period);
 *   <li><b>check</b>, half a period after the expected refresh, only when the post read of a room that changed in the
 *       last {@link #RECENT_PERIODS} periods showed the same answer: if the check shows a change, the refresh came
 *       later than learnt (drift) and the phase is re-learnt from that window;
 *   <li><b>pre</b>, {@code floor} before the window, every {@link #PRE_EVERY}th period for rooms that changed
 *       recently: a change seen there means the refresh came earlier than learnt, and the phase is re-learnt.
 * </ul>
 *
 * A change window that contradicts the learnt phase replaces it (drift); a second contradiction before a short window
 * (at most a quarter period) agreed again means the vendor's period may not be the configured one: the room falls
 * back to reads every {@code floor} until a short change window agrees with the last one. Until a first change is seen the phase is unknown and the room is read every
 * {@code floor} too. Pure, not thread-safe ({@link RoomQueue} holds one per room under the engine's lock); times are
 * milliseconds from the engine's scheduler.
 */
final class RefreshPhase {

    /** How long after the latest possible refresh the post read goes: a little slack for clock and queueing jitter. */
    static final long MARGIN_MILLIS = 100;

    /** A window at most this wide is narrow enough: no mid reads to narrow it further. */
    static final long NARROW_MILLIS = 200;

    /** A room that changed within this many periods gets check and pre reads (drift detection). */
    static final int RECENT_PERIODS = 3;

    /** Pre reads go in one period out of this many. */
    static final int PRE_EVERY = 4;

    private static final long NEVER = Long.MIN_VALUE / 4;

    private final long period;
    // one learnt refresh lay in [lo, hi] (absolute ms); the next ones in [lo + k * period, hi + k * period]
    private boolean known;
    private long lo;
    private long hi;
    private int contradictions;
    private boolean hasAnswer;
    private long lastStart = NEVER;
    private int lastPrint;
    private long lastChange = NEVER;
    private boolean lastWasSamePost;

    /** @param periodMillis the vendor's refresh period in ms; 0 for live data */
    RefreshPhase(long periodMillis) {
        if (periodMillis < 0) {
            throw new IllegalArgumentException("periodMillis must not be negative, was " + periodMillis);
        }
        this.period = periodMillis;
    }

    /**
     * A read of the room that began at {@code start} and was answered at {@code end} with an answer whose content
     * hashes to {@code print}.
     *
     * @return whether the answer is news: the room's first answer, or one that differs from the previous answer
     */
    boolean read(long start, long end, int print) {
        if (!hasAnswer) {
            hasAnswer = true;
            lastStart = start;
            lastPrint = print;
            return true;
        }
        boolean changed = print != lastPrint;
        if (changed && period > 0) {
            learn(lastStart, end);
            lastChange = end;
        }
        lastWasSamePost = !changed && period > 0 && known && isPost(start);
        lastStart = start;
        lastPrint = print;
        return changed;
    }

    /** Whether the phase is learnt and trusted: reads follow it rather than the floor. */
    boolean known() {
        return period > 0 && known && contradictions < 2;
    }

    /** How wide the learnt window is, in ms; {@code -1} while unknown. */
    long width() {
        return known() ? hi - lo : -1;
    }

    /**
     * When to read next: never before {@code lastPick + floor}; for a known phase, at the first useful read after that.
     *
     * @param lastPick when the last read of the room was picked (ms)
     * @param floor the least time between two reads of the room (ms, {@code >= 0})
     */
    long next(long lastPick, long floor) {
        long from = lastPick + floor;
        if (!known()) {
            return from;
        }
        long width = hi - lo;
        long best = Long.MAX_VALUE;
        boolean recent = lastChange != NEVER && lastPick - lastChange < RECENT_PERIODS * period;
        long k = Math.floorDiv(from - lo, period) - 1;
        for (int i = 0; i < 3 && best == Long.MAX_VALUE; i++, k++) {
            long base = lo + k * period;
            if (lastPick < base + width) { // not read since this refresh: post (late, if the floor says so)
                best = Math.min(best, at(base + width + MARGIN_MILLIS, from, base + width + period / 2));
            }
            if (width > NARROW_MILLIS && recent) { // a quiet room's window would not narrow: spare the call
                best = Math.min(best, at(base + width / 2, from, base + width / 2));
            }
            if (recent && lastWasSamePost) {
                best = Math.min(best, at(base + width + period / 2, from, base + width + period / 2));
            }
            if (recent && Math.floorMod(k + 1, PRE_EVERY) == 0) {
                long pre = base + period - Math.max(floor, MARGIN_MILLIS);
                best = Math.min(best, at(pre, from, pre));
            }
        }
        return best == Long.MAX_VALUE ? from : best;
    }

    /** {@code wanted} if allowed, else {@code from} if that is still no later than {@code latest}; else none. */
    private static long at(long wanted, long from, long latest) {
        if (wanted >= from) {
            return wanted;
        }
        return from <= latest ? from : Long.MAX_VALUE;
    }

    /** Whether a read at {@code t} comes just after the learnt refresh (within half a period of it). */
    private boolean isPost(long t) {
        long offset = Math.floorMod(t - hi, period);
        return offset < period / 2;
    }

    /** A refresh happened in {@code (a, b]}. */
    private void learn(long a, long b) {
        if (b - a >= period) {
            return; // a window as long as the period says nothing about the phase
        }
        if (!known) {
            set(a, b);
            return;
        }
        // the learnt windows near (a, b]: at most two can meet it, both narrower than a period
        long k = Math.floorDiv(a - hi, period);
        long meetLo = Long.MAX_VALUE;
        long meetHi = Long.MIN_VALUE;
        int meets = 0;
        for (long j = k; j <= k + 2; j++) {
            long l = Math.max(lo + j * period, a);
            long h = Math.min(hi + j * period, b);
            if (l <= h) {
                meets++;
                meetLo = l;
                meetHi = h;
            }
        }
        if (meets == 1) {
            // only short windows agreeing are evidence: wide ones agree by chance
            boolean evidence = b - a <= period / 4 && (contradictions < 2 || hi - lo <= period / 4);
            lo = meetLo;
            hi = meetHi;
            if (evidence) {
                contradictions = 0;
            }
        } else if (meets == 0) {
            contradictions++; // drift, or another period: re-learn from this window
            lo = a;
            hi = b;
        }
        // two meetings: the window straddles two learnt refreshes and narrows nothing
    }

    private void set(long a, long b) {
        known = true;
        lo = a;
        hi = b;
    }
}
