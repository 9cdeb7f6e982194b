package io.roomwatch.emulator;

/**
 * How stale the vendors' answers are, in milliseconds of emulator time.
 *
 * @param volcengineDataDelayMillis {@code ListRoomInfo} shows the world as it was this long ago (documented ≈20 s)
 * @param tencentLiveMemberRefreshMillis {@code get_member_list} serves a member snapshot refreshed at most this
 *     often (documented 40 s); 0 = always current
 */
public record Staleness(long volcengineDataDelayMillis, long tencentLiveMemberRefreshMillis) {

    public Staleness {
        ArgumentChecks.notNegative(volcengineDataDelayMillis, "volcengineDataDelayMillis");
        ArgumentChecks.notNegative(tencentLiveMemberRefreshMillis, "tencentLiveMemberRefreshMillis");
    }

    /** The documented behaviour: 20 s Volcengine delay, 40 s TUILiveKit member-list refresh. */
    public static Staleness documented() {
        return new Staleness(20_000, 40_000);
    }

    /** Always current answers (what most exact-sequence tests want). */
    public static Staleness none() {
        return new Staleness(0, 0);
    }

    /**
     * When, within each refresh period, TUILiveKit refreshes the member list of {@code key}'s room id: a phase of its
     * own per room id, in milliseconds after a multiple of {@code refreshMillis}.
     */
    public static long phaseOf(RoomAddress key, long refreshMillis) {
        return Math.floorMod(key.hashCode(), refreshMillis);
    }
}
