package io.roomwatch.emulator.http;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.scheduler.Scheduler;

/** Request ids in each vendor's shape, deterministic for a given clock and call order. Thread-safe. */
public final class RequestIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.ofHours(8));

    private final Scheduler clock;
    private final AtomicLong sequence = new AtomicLong();

    public RequestIds(Scheduler clock) {
        this.clock = clock;
    }

    /** Like {@code 20230604110420****100232280022D31}: a Beijing-time stamp and 18 hex digits (32 chars). */
    public String volcengine() {
        String stamp = STAMP.format(Instant.ofEpochMilli(clock.now(MILLISECONDS)));
        return stamp + String.format(Locale.ROOT, "%018X", sequence.incrementAndGet());
    }

    /** Like {@code Id-8c9858f01e954611ae2d4c1b1ed7d583-O-Seq-52720}. */
    public String tencent() {
        long n = sequence.incrementAndGet();
        return String.format(Locale.ROOT, "Id-%016x%016x-O-Seq-%d", clock.now(MILLISECONDS), n, n);
    }
}
