package io.roomwatch.state;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import reactor.core.publisher.Mono;

/**
 * Restores the state an {@link io.roomwatch.sink.EventSink} stored, so that the first diff after a restart emits
 * exactly what changed while roomwatch was down, and nothing else.
 *
 * <p>{@link #load} is <b>lazy</b>; it never completes empty: an app with nothing stored loads as {@link
 * AppState#empty}. It reads only committed data. Errors mean the state could not be read; the caller must not start
 * polling that app from an empty state instead.
 */
public interface SnapshotStore {

    /** The last committed state of {@code app}. */
    Mono<AppState> load(AppKey app);
}
