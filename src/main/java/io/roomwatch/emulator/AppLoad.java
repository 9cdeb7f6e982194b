package io.roomwatch.emulator;

/**
 * The simulated activity of one vendor app. Rates are expectations; each tick draws from the scenario's seeded
 * random source. Zero switches a feature off.
 *
 * @param vendor product
 * @param app app id ({@code AppId} or decimal {@code sdkappid})
 * @param roomsPerMinute new rooms per minute
 * @param meanLifetimeSeconds mean of the exponential room lifetime; 0 = rooms live until destroyed otherwise
 * @param shortLivedFraction share of rooms that live only 0.2–2 s (shorter than any sensible poll)
 * @param joinsPerMinute joins per minute per room
 * @param meanStaySeconds mean time a member stays; 0 = members stay until the room ends
 * @param invisibleFraction share of joining Volcengine users who are invisible
 * @param roomIdReuseFraction share of new rooms that reuse the id of a room this scenario destroyed
 * @param flappingUsers users who leave and re-join one room at random, about every other tick
 * @param bigRoomMembers if > 0, one room {@code big-room} with this many members (use > 1000 for the member cap)
 * @param viewCountChurn TUILiveKit: each tick every room's ViewCount grows by a random 0..churn
 * @param maxRooms live rooms this scenario keeps at most (0 = 50)
 */
public record AppLoad(
        Vendor vendor,
        String app,
        double roomsPerMinute,
        double meanLifetimeSeconds,
        double shortLivedFraction,
        double joinsPerMinute,
        double meanStaySeconds,
        double invisibleFraction,
        double roomIdReuseFraction,
        int flappingUsers,
        int bigRoomMembers,
        int viewCountChurn,
        int maxRooms) {

    public AppLoad {
        ArgumentChecks.notBlank(app, "app");
        ArgumentChecks.fraction(shortLivedFraction, "shortLivedFraction");
        ArgumentChecks.fraction(invisibleFraction, "invisibleFraction");
        ArgumentChecks.fraction(roomIdReuseFraction, "roomIdReuseFraction");
        if (roomsPerMinute < 0
                || meanLifetimeSeconds < 0
                || joinsPerMinute < 0
                || meanStaySeconds < 0
                || flappingUsers < 0
                || bigRoomMembers < 0
                || viewCountChurn < 0
                || maxRooms < 0) {
            throw new IllegalArgumentException("rates, counts and durations must be >= 0 in " + vendor + "/" + app);
        }
        maxRooms = maxRooms == 0 ? 50 : maxRooms;
    }

    /** A quiet app: one room a minute living ten minutes, two joins a minute, one-minute stays. */
    public static AppLoad of(Vendor vendor, String app) {
        return new AppLoad(vendor, app, 1, 600, 0, 2, 60, 0, 0, 0, 0, 0, 50);
    }
}
