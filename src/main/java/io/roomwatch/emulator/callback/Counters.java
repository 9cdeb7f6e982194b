package io.roomwatch.emulator.callback;

import io.roomwatch.emulator.CallbackCounts;
import java.util.concurrent.atomic.LongAdder;

/** The sender's counters; thread-safe (planning, Netty threads and the clock add concurrently). */
final class Counters {

    final LongAdder changes = new LongAdder();
    final LongAdder suppressed = new LongAdder();
    final LongAdder lost = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder forged = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder givenUp = new LongAdder();
    final LongAdder forgedAccepted = new LongAdder();
    final LongAdder forgedRejected = new LongAdder();
    final LongAdder overrun = new LongAdder();

    CallbackCounts snapshot() {
        return new CallbackCounts(
                changes.sum(),
                suppressed.sum(),
                lost.sum(),
                duplicated.sum(),
                forged.sum(),
                sent.sum(),
                delivered.sum(),
                rejected.sum(),
                failed.sum(),
                givenUp.sum(),
                forgedAccepted.sum(),
                forgedRejected.sum(),
                overrun.sum());
    }
}
