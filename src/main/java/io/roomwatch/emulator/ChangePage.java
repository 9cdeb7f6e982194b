package io.roomwatch.emulator;

import java.util.List;

/**
 * A slice of the change log.
 *
 * @param changes changes with {@code seq > since}, oldest first
 * @param truncated true when changes after {@code since} were already dropped from the bounded log
 * @param oldestSeq smallest seq still held (latestSeq + 1 when the log is empty)
 * @param latestSeq largest seq ever appended (0 before the first change)
 * @param nextSince the {@code since} to pass for the next slice
 */
public record ChangePage(List<Change> changes, boolean truncated, long oldestSeq, long latestSeq, long nextSince) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
