package io.roomwatch.sink;

import io.roomwatch.model.AppKey;
import org.jspecify.annotations.Nullable;

/**
 * The broker refuses us for a reason retrying cannot fix: authentication, authorization, unsupported version, invalid configuration, or a record it cannot take (too large). Stop the app and alert.
 */
public final class SinkRejected extends SinkFailure {

    /** Created by sink adapters, which classify broker errors once at their boundary. */
    public SinkRejected(AppKey app, String message, @Nullable Throwable cause) {
        super(app, message, cause, true);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
