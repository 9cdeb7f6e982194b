package io.roomwatch.config;

import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Provider;
import java.time.Duration;
import java.util.Map;

/**
 * How the engine polls one app. Immutable; derive variants with the {@code withX} methods. Each setting is declared on
 * its component ({@link Setting}: key, default, limits, meaning); {@code docs/configuration.md} lists them.
 */
public record PollConfig(
        @Setting(
                        value = "10s",
                        min = ">0",
                        doc =
                                "Time between the starts of two room sweeps; a tick that comes while a sweep still runs is"
                                        + " skipped, never queued.")
                Duration sweepInterval,
        @Setting(
                        value = "8",
                        min = "1",
                        doc = "Member polls in flight at once (the member API's budget paces them; this bounds how many"
                                + " wait on it).")
                int memberConcurrency,
        @Setting(
                        value = "60s",
                        min = ">0",
                        doc =
                                "No live room waits longer than this between two member polls, as long as the member budget"
                                        + " can poll every room once in this time.")
                Duration maxStaleness,
        @Setting(value = "60s", min = ">0", doc = "A room whose members changed within this window is hot.")
                Duration hotWindow,
        @Setting(
                        value = "4",
                        min = "1",
                        doc =
                                "A hot room that waited t competes like a quiet room that waited `hotWeight` × t; hot rooms"
                                        + " never make another room wait more than 1.1 × N/Q. 1 disables the adaptive policy.")
                int hotWeight,
        @Setting(value = "200", min = "1", doc = "Observations diffed and committed in one Kafka transaction, at most.")
                int maxBatch,
        @Setting(
                        value = "200ms",
                        min = ">0",
                        doc = "How long the first observation of a batch may wait for others before it is committed.")
                Duration maxBatchDelay,
        @Setting(
                        value = "1h",
                        min = ">0",
                        max = "14d",
                        doc = "Sweeps by creation window (Volcengine): how far back the first sweep of an app without"
                                + " stored state looks (Volcengine lists 14 days).")
                Duration initialLookback,
        @Setting(
                        value = "4",
                        min = "1",
                        doc = "Engine confirmation probes in flight at once (not the `tencent-conference`"
                                + " `probeConcurrency`).")
                int probeConcurrency,
        @Setting(
                        value = "30s",
                        min = ">0",
                        doc =
                                "Longest wait between two attempts to commit a batch while Kafka is unavailable; the app's"
                                        + " polling pauses meanwhile.")
                Duration commitRetryMaxBackoff,
        @Setting(
                        value = "1",
                        min = "1",
                        doc = "Flap damping: a member must be missing from this many complete member lists in a row"
                                + " before `UserLeft` (a true leave is then reported about (K−1)·N/Q s later). 2 for"
                                + " `tencent-conference`: TUIRoomKit's offset-cursor pages can skip a present member"
                                + " when someone leaves mid-read.")
                int leaveAfterMisses,
        @Setting(
                        value = "safe",
                        doc = "How member answers are attributed to room incarnations: `safe` holds every answer that"
                                + " would change something until the room side proves which incarnation it belongs to"
                                + " (Volcengine: its listing delay plus a sweep later); `eager` holds only answers with"
                                + " a sign of an incarnation change (see the README's diff rules).")
                AttributionMode attribution,
        @Setting(
                        value = "2m",
                        min = ">0",
                        doc = "How long a member answer may wait for proof of its incarnation; older ones are dropped"
                                + " (unknown, never empty).")
                Duration maxHold,
        @Setting(
                        value = "15d",
                        min = "1h",
                        doc = "How long ended incarnations are remembered (in memory and in the state topic), so that"
                                + " a listing of one is never taken for a new room: Volcengine lists finished calls for"
                                + " 14 days, plus a margin.")
                Duration historyHorizon,
        @Setting(
                        value = "1s",
                        min = "0s",
                        max = "10m",
                        doc = "No room's members are polled more often than this, so a handful of rooms no longer spend"
                                + " the whole member budget; budget left over is left unused. `0s`: no floor.")
                Duration minRoomInterval,
        @Setting(
                        value = "news",
                        doc = "How the member budget is spent: `news` polls a room at most every `minRoomInterval` and"
                                + " reads snapshot APIs (the source's `memberRefresh` above 0, TUILiveKit's 40 s) just"
                                + " after each room's learnt refresh; `budget` polls every room as often as the budget"
                                + " allows (the policy before issue 15, kept for comparison).")
                MemberSchedule memberSchedule,
        @Setting(
                        value = "10s",
                        min = "0s",
                        max = "10m",
                        doc = "With `news` and callbacks: a room whose callbacks arrived within `maxStaleness` is read"
                                + " at most this often, polling being only the reconciliation of what a lost callback"
                                + " missed (found within about this long). `0s`: callbacks do not slow polling.")
                Duration reconcileInterval) {

    public PollConfig {
        Settings.check(
                PollConfig.class,
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
                leaveAfterMisses,
                attribution,
                maxHold,
                historyHorizon,
                minRoomInterval,
                memberSchedule,
                reconcileInterval);
    }

    /** The declared defaults. */
    public static PollConfig defaults() {
        return Settings.of(PollConfig.class).build(Map.of(), Map.of());
    }

    /**
     * The defaults for an app of {@code provider}. TUIRoomKit pages member lists with an offset cursor: a member who
     * leaves while roomwatch reads the pages shifts the others, so a present member can be missing from one
     * "complete" list. Requiring two misses in a row before {@code UserLeft} keeps such a skip from inventing a leave
     * (found by EngineEmulatorIT), at the cost of one more member poll of latency for true leaves.
     */
    public static PollConfig defaultsFor(Provider provider) {
        return Settings.of(PollConfig.class).build(Map.of(), providerDefaults(provider));
    }

    /** The defaults that differ for apps of {@code provider}, by key, as written in the file. */
    static Map<String, String> providerDefaults(Provider provider) {
        return provider == Provider.TENCENT_CONFERENCE ? Map.of("leaveAfterMisses", "2") : Map.of();
    }

    public PollConfig withSweepInterval(Duration value) {
        return Settings.with(this, "sweepInterval", value);
    }

    public PollConfig withMemberConcurrency(int value) {
        return Settings.with(this, "memberConcurrency", value);
    }

    public PollConfig withMaxStaleness(Duration value) {
        return Settings.with(this, "maxStaleness", value);
    }

    public PollConfig withHotWeight(int value) {
        return Settings.with(this, "hotWeight", value);
    }

    /** With flap damping: {@code UserLeft} only after {@code value} complete member lists in a row missed the user. */
    public PollConfig withLeaveAfterMisses(int value) {
        return Settings.with(this, "leaveAfterMisses", value);
    }

    /** With another way of attributing member answers to incarnations. */
    public PollConfig withAttribution(AttributionMode value) {
        return Settings.with(this, "attribution", value);
    }

    /** With no room polled more often than {@code value} ({@code 0}: no floor). */
    public PollConfig withMinRoomInterval(Duration value) {
        return Settings.with(this, "minRoomInterval", value);
    }

    /** With the member budget spent by {@code value}'s rule. */
    public PollConfig withMemberSchedule(MemberSchedule value) {
        return Settings.with(this, "memberSchedule", value);
    }

    /** Remembering ended incarnations for {@code value}. */
    public PollConfig withHistoryHorizon(Duration value) {
        return Settings.with(this, "historyHorizon", value);
    }
}
