package io.roomwatch.provider.volcengine;

import io.roomwatch.model.RoomSighting;
import io.roomwatch.provider.VendorFailure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one leaf window (after any splitting) yielded.
 *
 * @param window the window
 * @param rooms the rooms listed in it
 * @param complete whether every room created in it was listed
 * @param answered how many calls were answered
 * @param failure the failure that cut the window short, if any
 */
record WindowPart(
        Window window, List<RoomSighting> rooms, boolean complete, int answered, @Nullable VendorFailure failure) {

    WindowPart {
        rooms = List.copyOf(rooms);
    }

    static WindowPart failed(Window window, VendorFailure failure) {
        return new WindowPart(window, List.of(), false, 0, failure);
    }
}
