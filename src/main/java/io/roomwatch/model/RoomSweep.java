package io.roomwatch.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rooms of one app as listed by one sweep.
 *
 * <p>A {@link Completeness#COMPLETE} sweep is the app's whole list of live rooms: a tracked room that is absent has
 * ended. Any other sweep only adds rooms, or ends them on positive evidence (a finished incarnation, or a newer
 * incarnation of the same room id). Volcengine sweeps list rooms by creation window, never all live rooms, so they
 * are always {@link Completeness#PARTIAL}.
 *
 * @param app the app that was swept
 * @param completeness what an absence means, see above
 * @param rooms the room incarnations listed, in any order; the same room id may appear with several incarnations
 * @param observedAt when the sweep finished
 * @param listedUntil every room created before this instant has now been listed at least once (Volcengine, whose
 *     sweeps go by creation window; the next sweep may start there); {@code null} when the sweep does not tell
 * @param seenFrom every incarnation listed as not finished was the room's live incarnation at some moment at or after
 *     this instant (Tencent, whose listings and {@code get_room_info} name the live incarnation: the moment the sweep
 *     or probe started); {@code null} when the sightings do not say so (Volcengine's listing is about 20 s late)
 */
public record RoomSweep(
        AppKey app,
        Completeness completeness,
        List<RoomSighting> rooms,
        Instant observedAt,
        @Nullable Instant listedUntil,
        @Nullable Instant seenFrom)
        implements Observation {

    public RoomSweep {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(completeness, "completeness");
        Objects.requireNonNull(observedAt, "observedAt");
        rooms = rooms.stream()
                .sorted(Comparator.comparing(RoomSighting::roomId).thenComparing(RoomSighting::byCreation))
                .toList();
    }

    /** A sweep that names live incarnations as of {@code seenFrom}, and says nothing about creation windows. */
    public static RoomSweep seen(
            AppKey app, Completeness completeness, List<RoomSighting> rooms, Instant seenFrom, Instant observedAt) {
        return new RoomSweep(app, completeness, rooms, observedAt, null, seenFrom);
    }

    /** A sweep by creation window (Volcengine), complete for creations before {@code listedUntil} if given. */
    public RoomSweep(
            AppKey app,
            Completeness completeness,
            List<RoomSighting> rooms,
            Instant observedAt,
            @Nullable Instant listedUntil) {
        this(app, completeness, rooms, observedAt, listedUntil, null);
    }

    /** A sweep that says neither when its sightings were live nor what was listed (tests, tools). */
    public RoomSweep(AppKey app, Completeness completeness, List<RoomSighting> rooms, Instant observedAt) {
        this(app, completeness, rooms, observedAt, null, null);
    }

    /** This sweep with another completeness (a complete listing whose absences still need confirming). */
    public RoomSweep withCompleteness(Completeness other) {
        return new RoomSweep(app, other, rooms, observedAt, listedUntil, seenFrom);
    }
}
