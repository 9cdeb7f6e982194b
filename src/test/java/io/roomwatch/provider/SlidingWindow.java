package io.roomwatch.provider;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Counts events per sliding one-second window, half-open {@code [t, t + 1 s)}, as vendors count them. */
public final class SlidingWindow {

    private SlidingWindow() {}

    /** The largest number of the given instants (nanoseconds, any order) inside one window. */
    public static int maxPerSecond(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        long second = TimeUnit.SECONDS.toNanos(1);
        int max = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= second) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }
}
