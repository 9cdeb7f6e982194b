package io.roomwatch.sink;

import io.roomwatch.model.AppKey;

/**
 * The sink cannot go on for this app and retrying cannot help: another instance with the same transactional id took
 * over (fenced), or the broker refuses our credentials. Every other error of {@link EventSink#commit} is transient
 * and the caller retries the same batch.
 */
public final class SinkFatalException extends RuntimeException {

    public SinkFatalException(AppKey app, String message, Throwable cause) {
        super(app + ": " + message, cause);
    }
}
