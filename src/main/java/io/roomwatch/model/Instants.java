package io.roomwatch.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Null-tolerant comparisons of vendor times, which vendors do not always give. */
final class Instants {

    private Instants() {}

    static int compareNullsFirst(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        return a.compareTo(b);
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
