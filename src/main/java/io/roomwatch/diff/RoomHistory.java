package io.roomwatch.diff;

import io.roomwatch.model.AppState;
import io.roomwatch.model.Retired;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Applies one sweep's sightings of one room id, oldest incarnation first. Single use. */
final class RoomHistory {

    private final AppState state;
    private final String roomId;
    private final Emitter out;
    private @Nullable RoomState current;
    private final @Nullable Retired retired;
    private @Nullable Instant retiredCreation;
    private final Set<String> endedHere = new HashSet<>();

    RoomHistory(AppState state, String roomId, Emitter out) {
        this.state = state;
        this.roomId = roomId;
        this.out = out;
        this.current = state.live().get(roomId);
        this.retired = state.retired().get(roomId);
        this.retiredCreation = retired == null ? null : retired.createdAt();
    }

    void apply(List<RoomSighting> sightings, RoomSweep sweep) {
        RoomState before = current;
        for (RoomSighting sighting : sightings) {
            see(sighting);
        }
        boolean listed = current != null
                && sightings.stream()
                        .anyMatch(s -> s.incarnation().equals(current.ref().incarnation()));
        if (current != null && !listed && sweep.completeness().provesAbsence()) {
            end(current, null); // absent from a complete list: ended, time unknown
        }
        if (current != null && current != before) {
            out.upsert(current);
        }
    }

    private void see(RoomSighting sighting) {
        if (current != null && current.ref().incarnation().equals(sighting.incarnation())) {
            if (sighting.finished()) {
                end(current, sighting.endedAt());
            }
            return;
        }
        if (isHistory(sighting)) {
            return;
        }
        if (current != null) {
            end(current, null); // replaced by a newer incarnation: the old one ended, time unknown
        }
        RoomState created = out.create(new RoomRef(state.app().room(roomId), sighting.incarnation()), sighting);
        current = created;
        if (sighting.finished()) {
            end(created, sighting.endedAt());
        }
    }

    /**
     * An incarnation that ended already (remembered by id, whatever its times say: an unreadable creation time must not
     * make an ended incarnation new again, and its events' ids were committed), or one older than the live or the
     * latest ended one (e.g. re-listed from a history window).
     */
    private boolean isHistory(RoomSighting sighting) {
        return endedHere.contains(sighting.incarnation())
                || (retired != null && retired.isHistory(sighting))
                || SnapshotDiff.notNewer(sighting, retiredCreation)
                || (current != null && SnapshotDiff.notNewer(sighting, current.createdAt()));
    }

    private void end(RoomState room, @Nullable Instant endedAt) {
        out.destroy(room, endedAt);
        endedHere.add(room.ref().incarnation());
        if (room.createdAt() != null
                && (retiredCreation == null || room.createdAt().isAfter(retiredCreation))) {
            retiredCreation = room.createdAt();
        }
        current = null;
    }
}
