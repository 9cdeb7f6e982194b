package io.roomwatch.emulator.tencent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque Tencent {@code Next} cursors. A cursor holds a page number and an offset into the list <em>as it is
 * ordered when the next page is asked for</em>; like the vendor's, it holds no snapshot, so a list that is
 * re-ordered between pages (ViewCount changing) yields duplicates and skips.
 */
final class Cursors {

    /** Page 1 at offset 0, what {@code Next=""} means. */
    static final Position FIRST = new Position(1, 0);

    private Cursors() {}

    /** Where a page starts. */
    record Position(int page, int offset) {}

    static String encode(Position position) {
        String raw = "rw1:" + position.page() + ":" + position.offset();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor; {@link #FIRST} for ""; null if it is not one of ours. */
    static @Nullable Position decode(String cursor) {
        if (cursor.isEmpty()) {
            return FIRST;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !parts[0].equals("rw1")) {
                return null;
            }
            int page = Integer.parseInt(parts[1]);
            int offset = Integer.parseInt(parts[2]);
            return page >= 1 && offset >= 0 ? new Position(page, offset) : null;
        } catch (IllegalArgumentException e) {
            return null; // NumberFormatException is an IllegalArgumentException too
        }
    }
}
