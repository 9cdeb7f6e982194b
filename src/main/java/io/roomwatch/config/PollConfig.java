package io.roomwatch.config;

import io.roomwatch.model.Provider;
import java.time.Duration;
import java.util.Objects;

/**
 * How one app is polled. Immutable; derive variants with the {@code withX} methods.
 *
 * @param sweepInterval time between the starts of two room sweeps; a sweep still running when the next tick comes
 *     makes that tick be skipped, never queued. Default 10 s.
 * @param memberConcurrency member polls in flight at once for this app (the member API's rate budget paces them;
 *     this only bounds how many wait on it). Default 8, at least 1.
 * @param maxStaleness no live room waits longer than this between two member polls, whatever the activity of other
 *     rooms; honoured as long as the member budget can poll every room once in this time. Default 60 s.
 * @param hotWindow a room whose members changed within this window is "hot". Default 60 s.
 * @param hotWeight how much sooner a hot room is polled again than a quiet one: a hot room that waited {@code t}
 *     competes like a quiet room that waited {@code hotWeight * t}, within the engine's fair bound (no room waits
 *     longer than 1.1 times the round-robin period N/Q for the sake of hot rooms). 1 disables the adaptive policy.
 *     Default 4.
 * @param maxBatch observations diffed and committed together in one Kafka transaction, at most. Default 200.
 * @param maxBatchDelay how long the first observation of a batch may wait for others before the batch is committed.
 *     Default 200 ms.
 * @param initialLookback for sweeps by creation window (Volcengine), how far back the first sweep of an app with no
 *     stored state looks. Rooms created earlier are picked up by later signals only. Default 1 h, at most 14 days.
 * @param probeConcurrency confirmation probes in flight at once (Tencent live: rooms missing from a complete sweep
 *     are confirmed gone with {@code get_room_info} before they are destroyed). Default 4.
 * @param commitRetryMaxBackoff longest wait between two attempts to commit a batch when Kafka is unavailable; the
 *     app's polling is paused meanwhile. Default 30 s.
 * @param leaveAfterMisses flap damping: a member must be missing from this many complete member lists of the room in a
 *     row before {@code UserLeft} is emitted; any sighting resets the count. 1 (the default) reports a leave on the
 *     first complete list without the member. The cost of K > 1 is latency: a true leave is reported K - 1 member
 *     polls of that room later (about (K - 1) N/Q s with N live rooms and Q member calls/s). A room's end is never
 *     damped: it comes from room-level evidence. At least 1.
 */
public record PollConfig(
        Duration sweepInterval,
        int memberConcurrency,
        Duration maxStaleness,
        Duration hotWindow,
        int hotWeight,
        int maxBatch,
        Duration maxBatchDelay,
        Duration initialLookback,
        int probeConcurrency,
        Duration commitRetryMaxBackoff,
        int leaveAfterMisses) {

    public PollConfig {
        requirePositive(sweepInterval, "sweepInterval");
        requireAtLeast(memberConcurrency, 1, "memberConcurrency");
        requirePositive(maxStaleness, "maxStaleness");
        requirePositive(hotWindow, "hotWindow");
        requireAtLeast(hotWeight, 1, "hotWeight");
        requireAtLeast(maxBatch, 1, "maxBatch");
        requirePositive(maxBatchDelay, "maxBatchDelay");
        requirePositive(initialLookback, "initialLookback");
        if (initialLookback.compareTo(Duration.ofDays(14)) > 0) {
            throw new IllegalArgumentException(
                    "initialLookback must be at most 14 days (the vendor's look-back), was " + initialLookback);
        }
        requireAtLeast(probeConcurrency, 1, "probeConcurrency");
        requirePositive(commitRetryMaxBackoff, "commitRetryMaxBackoff");
        requireAtLeast(leaveAfterMisses, 1, "leaveAfterMisses");
    }

    /** The documented defaults. */
    /**
     * The defaults for an app of {@code provider}. TUIRoomKit pages member lists with an offset cursor: a member who
     * leaves while roomwatch reads the pages shifts the others, so a present member can be missing from one
     * "complete" list. Requiring two misses in a row before {@code UserLeft} keeps such a skip from inventing a leave
     * (found by EngineEmulatorIT), at the cost of one more member poll of latency for true leaves.
     */
    public static PollConfig defaultsFor(Provider provider) {
        PollConfig defaults = defaults();
        return provider == Provider.TENCENT_CONFERENCE ? defaults.withLeaveAfterMisses(2) : defaults;
    }

    public static PollConfig defaults() {
        return new PollConfig(
                Duration.ofSeconds(10),
                8,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                4,
                200,
                Duration.ofMillis(200),
                Duration.ofHours(1),
                4,
                Duration.ofSeconds(30),
                1);
    }

    public PollConfig withSweepInterval(Duration value) {
        return new PollConfig(
                value,
                memberConcurrency,
                maxStaleness,
                hotWindow,
                hotWeight,
                maxBatch,
                maxBatchDelay,
                initialLookback,
                probeConcurrency,
                commitRetryMaxBackoff,
                leaveAfterMisses);
    }

    public PollConfig withMemberConcurrency(int value) {
        return new PollConfig(
                sweepInterval,
                value,
                maxStaleness,
                hotWindow,
                hotWeight,
                maxBatch,
                maxBatchDelay,
                initialLookback,
                probeConcurrency,
                commitRetryMaxBackoff,
                leaveAfterMisses);
    }

    public PollConfig withMaxStaleness(Duration value) {
        return new PollConfig(
                sweepInterval,
                memberConcurrency,
                value,
                hotWindow,
                hotWeight,
                maxBatch,
                maxBatchDelay,
                initialLookback,
                probeConcurrency,
                commitRetryMaxBackoff,
                leaveAfterMisses);
    }

    public PollConfig withHotWeight(int value) {
        return new PollConfig(
                sweepInterval,
                memberConcurrency,
                maxStaleness,
                hotWindow,
                value,
                maxBatch,
                maxBatchDelay,
                initialLookback,
                probeConcurrency,
                commitRetryMaxBackoff,
                leaveAfterMisses);
    }

    /** With flap damping: {@code UserLeft} only after {@code value} complete member lists in a row missed the user. */
    public PollConfig withLeaveAfterMisses(int value) {
        return new PollConfig(
                sweepInterval,
                memberConcurrency,
                maxStaleness,
                hotWindow,
                hotWeight,
                maxBatch,
                maxBatchDelay,
                initialLookback,
                probeConcurrency,
                commitRetryMaxBackoff,
                value);
    }

    static void requirePositive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    static void requireAtLeast(int value, int min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }
}
