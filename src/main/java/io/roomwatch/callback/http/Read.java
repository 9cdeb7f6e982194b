package io.roomwatch.callback.http;

import io.roomwatch.model.Pushed;
import java.util.List;

/**
 * A verified callback as read: its observations (none for a kind roomwatch does not use, which is answered with
 * success and counted as ignored) and the vendor's name of its kind, for the meters.
 */
record Read(List<Pushed> pushes, String kind) {

    Read {
        pushes = List.copyOf(pushes);
    }
}
