package io.roomwatch.emulator.world;

import io.roomwatch.emulator.CallRecord;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One Volcengine call session with enough member-count history to answer "as of {@code t}" for the data delay.
 * Not thread-safe: {@link World} guards it with its lock.
 */
final class CallHistory {

    final String appId;
    final String callId;
    final String roomId;
    final long createdAt;
    private long destroyedAt = -1;
    private final ArrayDeque<long[]> counts = new ArrayDeque<>(); // {timeMillis, memberCount}, oldest first

    CallHistory(String appId, String callId, String roomId, long createdAt) {
        this.appId = appId;
        this.callId = callId;
        this.roomId = roomId;
        this.createdAt = createdAt;
        counts.addLast(new long[] {createdAt, 0});
    }

    void record(long time, int count, long keepMillis) {
        counts.addLast(new long[] {time, count});
        // keep the last entry at or before (time - keepMillis): it is the value "as of" any delayed view
        while (counts.size() > 1 && secondTime() <= time - keepMillis) {
            counts.removeFirst();
        }
    }

    void finish(long time, long keepMillis) {
        record(time, 0, keepMillis);
        destroyedAt = time;
    }

    boolean finishedBefore(long time) {
        return destroyedAt >= 0 && destroyedAt < time;
    }

    CallRecord asOf(long time) {
        boolean ended = destroyedAt >= 0 && destroyedAt <= time;
        return new CallRecord(appId, callId, roomId, createdAt, ended ? destroyedAt : null, countAt(time));
    }

    private int countAt(long time) {
        long count = 0;
        for (long[] entry : counts) {
            if (entry[0] <= time) {
                count = entry[1];
            }
        }
        return (int) count;
    }

    private long secondTime() {
        Iterator<long[]> it = counts.iterator();
        it.next();
        return it.next()[0];
    }
}
