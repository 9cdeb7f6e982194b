package io.roomwatch.emulator.world;

import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.RoomAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bounded, append-only log of true changes. Not thread-safe: {@link World} guards it with its lock. */
final class ChangeLog {

    private final int capacity;
    private final ArrayDeque<Change> entries = new ArrayDeque<>();
    private long latestSeq;

    ChangeLog(int capacity) {
        this.capacity = capacity;
    }

    Change append(long timeMillis, RoomAddress key, String incarnation, ChangeType type, @Nullable String userId) {
        return append(timeMillis, key, incarnation, type, userId, false);
    }

    Change append(
            long timeMillis,
            RoomAddress key,
            String incarnation,
            ChangeType type,
            @Nullable String userId,
            boolean invisible) {
        Change change = new Change(
                ++latestSeq, timeMillis, key.vendor(), key.app(), key.roomId(), incarnation, type, userId, invisible);
        if (entries.size() == capacity) {
            entries.removeFirst(); // readers asking from before this point get truncated=true
        }
        entries.addLast(change);
        return change;
    }

    /** The changes of {@code key}'s room id still in the log, oldest first. */
    List<Change> of(RoomAddress key) {
        List<Change> out = new ArrayList<>();
        for (Change change : entries) {
            if (change.vendor() == key.vendor()
                    && change.app().equals(key.app())
                    && change.roomId().equals(key.roomId())) {
                out.add(change);
            }
        }
        return out;
    }

    ChangePage since(long since, int limit) {
        long oldest = entries.isEmpty() ? latestSeq + 1 : entries.peekFirst().seq();
        List<Change> out = new ArrayList<>();
        for (Change change : entries) {
            if (change.seq() > since && out.size() < limit) {
                out.add(change);
            }
        }
        long next = out.isEmpty()
                ? Math.max(since, oldest - 1)
                : out.get(out.size() - 1).seq();
        return new ChangePage(out, since + 1 < oldest, oldest, latestSeq, next);
    }
}
