package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * Another instance with the same transactional id took over this app (zombie fencing). This instance must stop the app; it keeps failing every later commit with this error.
 */
public final class SinkFenced extends SinkFailure {

    /** Created by sink adapters, which classify broker errors once at their boundary. */
    public SinkFenced(AppKey app, String message, @Nullable Throwable cause) {
        super(app, message, cause, true);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
