package io.roomwatch.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything roomwatch remembers of one app: its live room incarnations, and for room ids whose incarnation ended,
 * the creation time of the latest ended one. The latter stops a sweep that lists an ended incarnation again
 * (Volcengine lists finished calls for 14 days) from creating it a second time.
 *
 * <p>Immutable; {@link #apply} returns a new state.
 *
 * @param app the app
 * @param live live room incarnations by room id
 * @param retired by room id: creation time of the latest ended incarnation whose creation time was known
 * @param listedUntil every room created before this instant has been listed (Volcengine sweep watermark); {@code
 *     null} before the first such sweep
 */
public record AppState(
        AppKey app, Map<String, RoomState> live, Map<String, Instant> retired, @Nullable Instant listedUntil) {

    public AppState {
        Objects.requireNonNull(app, "app");
        live = Map.copyOf(live);
        retired = Map.copyOf(retired);
    }

    /** The state of an app roomwatch has never seen. */
    public static AppState empty(AppKey app) {
        return new AppState(app, Map.of(), Map.of(), null);
    }

    /** This state with a diff's room changes applied: ended incarnations first, then new or changed ones. */
    public AppState apply(Transition transition) {
        Map<String, RoomState> nextLive = new HashMap<>(live);
        Map<String, Instant> nextRetired = new HashMap<>(retired);
        for (RoomState room : transition.ended()) {
            nextLive.remove(room.ref().key().roomId(), room);
            if (room.createdAt() != null) {
                nextRetired.merge(room.ref().key().roomId(), room.createdAt(), Instants::later);
            }
        }
        for (RoomState room : transition.upserted()) {
            nextLive.put(room.ref().key().roomId(), room);
        }
        Instant watermark = transition.listedUntil() == null
                ? listedUntil
                : listedUntil == null
                        ? transition.listedUntil()
                        : Instants.later(listedUntil, transition.listedUntil());
        return new AppState(app, nextLive, nextRetired, watermark);
    }

    /** This state without retirement marks of incarnations created before {@code cutoff}, which no sweep can list. */
    public AppState forgetRetiredBefore(Instant cutoff) {
        Map<String, Instant> kept = new HashMap<>(retired);
        kept.values().removeIf(createdAt -> createdAt.isBefore(cutoff));
        return new AppState(app, live, kept, listedUntil);
    }
}
