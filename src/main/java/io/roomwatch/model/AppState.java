package io.roomwatch.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything roomwatch remembers of one app: its live room incarnations, and for room ids whose incarnations ended,
 * a {@link Retired} mark. The latter stops a sweep that lists an ended incarnation again (Volcengine lists finished
 * calls for 14 days) from creating it a second time.
 *
 * <p>Immutable; {@link #apply} returns a new state.
 *
 * @param app the app
 * @param live live room incarnations by room id
 * @param retired by room id: the ended incarnations remembered (until pruned, see {@link #forgetRetiredBefore})
 * @param listedUntil every room created before this instant has been listed (Volcengine sweep watermark); {@code
 *     null} before the first such sweep
 */
public record AppState(
        AppKey app, Map<String, RoomState> live, Map<String, Retired> retired, @Nullable Instant listedUntil) {

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
        return toBuilder().apply(transition).build();
    }

    /**
     * A mutable copy of this state, to apply many transitions at the cost of one copy (applying them one by one to
     * immutable states copies every room for each of them).
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Applies transitions to a mutable copy of an {@link AppState}; not thread-safe. */
    public static final class Builder {

        private final AppKey app;
        private final Map<String, RoomState> live;
        private final Map<String, Retired> retired;
        private @Nullable Instant listedUntil;

        private Builder(AppState from) {
            this.app = from.app;
            this.live = new HashMap<>(from.live);
            this.retired = new HashMap<>(from.retired);
            this.listedUntil = from.listedUntil;
        }

        /** Applies {@code transition} exactly as {@link AppState#apply} does. */
        public Builder apply(Transition transition) {
            for (RoomState room : transition.ended()) {
                String roomId = room.ref().key().roomId();
                live.remove(roomId, room);
                Retired mark = Retired.with(retired.get(roomId), room, transition.endOf(room.ref()));
                if (mark != null) {
                    retired.put(roomId, mark);
                }
            }
            for (RoomState room : transition.upserted()) {
                live.put(room.ref().key().roomId(), room);
            }
            if (transition.listedUntil() != null) {
                listedUntil = listedUntil == null
                        ? transition.listedUntil()
                        : Instants.later(listedUntil, transition.listedUntil());
            }
            return this;
        }

        /** The live incarnation of {@code roomId} as of the transitions applied so far, if any. */
        public @Nullable RoomState live(String roomId) {
            return live.get(roomId);
        }

        /** The retirement mark of {@code roomId} as of the transitions applied so far, if any. */
        public @Nullable Retired retired(String roomId) {
            return retired.get(roomId);
        }

        /** The sweep watermark as of the transitions applied so far, if any. */
        public @Nullable Instant listedUntil() {
            return listedUntil;
        }

        /** The state reached so far; the builder can go on afterwards. */
        public AppState build() {
            return new AppState(app, live, retired, listedUntil);
        }
    }

    /**
     * This state without what its retirement marks hold of incarnations that ended (or were created) before {@code
     * cutoff}, which no sweep can list any more (Volcengine: 14 days); marks left empty are dropped. Returns this
     * very state when nothing is that old, so that callers can tell by identity that nothing changed.
     */
    public AppState forgetRetiredBefore(Instant cutoff) {
        Map<String, Retired> kept = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Retired> mark : retired.entrySet()) {
            Retired pruned = mark.getValue().prunedBefore(cutoff);
            changed |= pruned != mark.getValue();
            if (pruned != null) {
                kept.put(mark.getKey(), pruned);
            }
        }
        return changed ? new AppState(app, live, kept, listedUntil) : this;
    }
}
