package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * The broker could not be reached or did not acknowledge in time; nothing of the batch is visible to read_committed consumers and the stored state did not move. Redo the cycle from the state you had. No stack trace: expected during outages.
 */
public final class SinkUnavailable extends SinkFailure {

    /** Created by sink adapters, which classify broker errors once at their boundary. */
    public SinkUnavailable(AppKey app, String message, @Nullable Throwable cause) {
        super(app, message, cause, false);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
