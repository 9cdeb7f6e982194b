package io.roomwatch.emulator;

import org.jspecify.annotations.Nullable;

/**
 * One true change of the ground truth, as it happened.
 *
 * @param seq position in the log, from 1, without gaps
 * @param timeMillis emulator clock when it happened, epoch milliseconds
 * @param vendor product
 * @param app app id
 * @param roomId room id
 * @param incarnation which life of the room: the Volcengine {@code CallId}, the Tencent {@code CreateTime} (unix s)
 * @param type what happened
 * @param userId the user for {@code UserJoined}/{@code UserLeft}, else null
 * @param invisible a Volcengine invisible member joined or left (the vendor calls back {@code InvisibleUser*} for
 *     them); always false on Tencent and for room changes
 */
public record Change(
        long seq,
        long timeMillis,
        Vendor vendor,
        String app,
        String roomId,
        String incarnation,
        ChangeType type,
        @Nullable String userId,
        boolean invisible) {

    /** A change of a visible member or of a room (the shape before invisibility was recorded). */
    public Change(
            long seq,
            long timeMillis,
            Vendor vendor,
            String app,
            String roomId,
            String incarnation,
            ChangeType type,
            @Nullable String userId) {
        this(seq, timeMillis, vendor, app, roomId, incarnation, type, userId, false);
    }
}
