package io.roomwatch.model;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one batch moves an app's stored state: from {@code before} (what is stored now) to {@code after}. A store
 * writes only the entries that differ; {@code touched} names the room ids whose entries may differ, so that it need
 * not compare every room of a large app on each commit.
 *
 * @param before the state stored now (the engine's committed state)
 * @param after the state the batch leads to
 * @param touched room ids whose entries may differ between the two; {@code null}: any may (compare them all)
 */
public record StateChange(AppState before, AppState after, @Nullable Set<String> touched) {

    public StateChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.app().equals(after.app())) {
            throw new IllegalArgumentException("states of different apps: " + before.app() + ", " + after.app());
        }
        touched = touched == null ? null : Set.copyOf(touched);
    }

    /** A change that may touch any room. */
    public static StateChange between(AppState before, AppState after) {
        return new StateChange(before, after, null);
    }

    /** The app whose state changes. */
    public AppKey app() {
        return after.app();
    }

    /** Whether nothing changes: the very same state. */
    public boolean isNone() {
        return before == after;
    }
}
