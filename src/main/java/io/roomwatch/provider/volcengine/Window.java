package io.roomwatch.provider.volcengine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code ListRoomInfo} creation-time window, both ends included, whole seconds (the API's precision). Windows of one
 * sweep are contiguous and disjoint: the next starts one second after this one ends.
 */
record Window(Instant start, Instant end) {

    static final Duration MAX_SPAN = Duration.ofHours(24);

    /** RFC 3339 with a numeric offset, as in the vendor's examples; its {@code +} must be sent as {@code %2B}. */
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    Window {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends before it starts: " + start + ".." + end);
        }
    }

    /** {@code [from, to]} cut into consecutive windows spanning at most 24 h each, oldest first. */
    static List<Window> covering(Instant from, Instant to) {
        List<Window> windows = new ArrayList<>();
        for (Instant start = from; !start.isAfter(to); ) {
            Instant end = start.plus(MAX_SPAN).isBefore(to) ? start.plus(MAX_SPAN) : to;
            windows.add(new Window(start, end));
            start = end.plusSeconds(1);
        }
        return windows;
    }

    boolean splittable() {
        return end.isAfter(start);
    }

    Window firstHalf() {
        return new Window(start, middle());
    }

    Window secondHalf() {
        return new Window(middle().plusSeconds(1), end);
    }

    String startParam() {
        return RFC3339.format(start);
    }

    String endParam() {
        return RFC3339.format(end);
    }

    private Instant middle() {
        return start.plusSeconds(Duration.between(start, end).toSeconds() / 2);
    }
}
