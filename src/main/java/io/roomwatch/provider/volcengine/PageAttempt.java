package io.roomwatch.provider.volcengine;

import io.roomwatch.model.RoomSighting;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.volcengine.VolcengineDtos.RoomPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** One {@code ListRoomInfo} page after retries: answered, or failed for good. */
record PageAttempt(@Nullable RoomPage page, @Nullable VendorFailure failure) {

    static PageAttempt answered(RoomPage page) {
        return new PageAttempt(page, null);
    }

    static PageAttempt failed(VendorFailure failure) {
        return new PageAttempt(null, failure);
    }

    /** A leaf window from its first page and the attempts at the others. */
    static WindowPart combine(Window window, RoomPage first, List<PageAttempt> more, boolean allPagesTried) {
        List<RoomPage> pages = new ArrayList<>();
        pages.add(first);
        more.stream().map(PageAttempt::page).filter(Objects::nonNull).forEach(pages::add);
        VendorFailure failure = more.stream()
                .map(PageAttempt::failure)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        List<RoomSighting> rooms = new ArrayList<>();
        int skipped = 0;
        for (VolcengineDtos.RoomItem item :
                pages.stream().flatMap(page -> page.rooms().stream()).toList()) {
            RoomSighting sighting = RoomItems.sighting(item);
            skipped += sighting == null ? 1 : 0;
            Stream.ofNullable(sighting).forEach(rooms::add);
        }
        boolean complete = failure == null
                && allPagesTried
                && skipped == 0
                && pages.stream().noneMatch(RoomPage::more);
        return new WindowPart(window, rooms, complete, pages.size(), failure);
    }
}
