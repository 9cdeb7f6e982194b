package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * Everything an {@link EventSink#commit} may signal. The subtype decides what the caller does next; nobody outside
 * the sink adapter looks at broker error codes:
 *
 * <ul>
 *   <li>{@link SinkUnavailable}: nothing of the batch is visible; redo the cycle from the state you had.
 *   <li>{@link SinkInDoubt}: the broker was lost while committing, so the batch may or may not be committed; reload
 *       the state with the {@link io.roomwatch.state.SnapshotStore} before polling that app again.
 *   <li>{@link SinkFenced}: another instance took over this app (same transactional id); stop the app.
 *   <li>{@link SinkRejected}: the broker refuses us (authentication, authorization, configuration, a record it
 *       cannot take); retrying cannot help; stop the app and alert.
 * </ul>
 *
 * <p>Messages name the app and never contain a secret.
 */
public abstract sealed class SinkFailure extends RuntimeException
        permits SinkUnavailable, SinkInDoubt, SinkFenced, SinkRejected {

    private final AppKey app;

    SinkFailure(AppKey app, String message, @Nullable Throwable cause, boolean stackTrace) {
        super(app + ": " + message, cause, false, stackTrace);
        this.app = app;
    }

    /** The app whose commit failed. */
    public AppKey app() {
        return app;
    }

    /** Whether redoing the cycle (after a reload for {@link SinkInDoubt}) may succeed. */
    public abstract boolean isRetriable();
}
