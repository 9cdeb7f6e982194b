package io.roomwatch.config;

/** How the engine spends the member API's rate budget ({@link PollConfig#memberSchedule()}). */
public enum MemberSchedule {
    /**
     * Calls only where they can bring news: no room is polled more often than {@link PollConfig#minRoomInterval()},
     * and a member API whose answers are snapshots refreshed on a period (the source's {@code memberRefresh}, e.g.
     * TUILiveKit's 40 s) is read shortly after each room's learnt refresh. Budget left over is left unused. The
     * default.
     */
    NEWS,
    /**
     * Every live room as often as the budget allows, whatever it buys (the policy before issue 15): kept for
     * side-by-side measurement and as a fallback.
     */
    BUDGET
}
