package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * The broker was lost after the commit was requested: the batch may or may not be committed. Reload the app's state with the {@link io.roomwatch.state.SnapshotStore} (which waits until the transaction is settled) before polling again; redoing from the old state could emit twice. No stack trace: expected during outages.
 */
public final class SinkInDoubt extends SinkFailure {

    /** Created by sink adapters, which classify broker errors once at their boundary. */
    public SinkInDoubt(AppKey app, String message, @Nullable Throwable cause) {
        super(app, message, cause, false);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
