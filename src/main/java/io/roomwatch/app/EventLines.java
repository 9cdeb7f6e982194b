package io.roomwatch.app;

import io.roomwatch.model.PresenceEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One readable line per event, for the demo feed and {@code roomwatch tail}. */
final class EventLines {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EventLines() {}

    /** E.g. {@code 10:00:23.250  volcengine/demo-volc-app  room-3  UserJoined  alice (visible)}. */
    static String line(PresenceEvent e) {
        StringBuilder line = new StringBuilder(120)
                .append(TIME.format(e.observedAt()))
                .append("  ")
                .append(pad(e.key().app().toString(), 30))
                .append(pad(e.key().roomId(), 14))
                .append(pad(e.type().wireName(), 14));
        if (e.userId() != null) {
            line.append(e.userId()).append(" (").append(e.visibility().id());
            line.append(e.reason() == null ? ")" : ", " + e.reason().id() + ")");
        } else {
            line.append('#').append(e.room().incarnation());
        }
        if (e.origin() == io.roomwatch.model.Origin.CALLBACK) {
            line.append("  [callback]"); // pushed by the vendor; polling found the rest
        }
        return line.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
