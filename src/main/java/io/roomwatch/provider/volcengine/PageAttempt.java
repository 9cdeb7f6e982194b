package io.roomwatch.provider.volcengine;

import io.roomwatch.model.RoomSighting;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.http.Flaws;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code ListRoomInfo} page after retries: answered (and whether it moved the walk on), or failed for good.
 *
 * @param page the page, if answered
 * @param failure the failure, if not
 * @param stalled whether the page brought nothing new: the walk stops there
 */
record PageAttempt(@Nullable RoomPage page, @Nullable VendorFailure failure, boolean stalled) {

    static PageAttempt answered(RoomPage page) {
        return new PageAttempt(page, null, false);
    }

    static PageAttempt failed(VendorFailure failure) {
        return new PageAttempt(null, failure, false);
    }

    PageAttempt asStalled() {
        return new PageAttempt(page, failure, true);
    }

    /** Whether the walk goes on after this page. */
    boolean goesOn() {
        return failure == null && !stalled;
    }

    /**
     * A leaf window from its pages: complete only when every page was tried, none failed or stalled, no item had to
     * be skipped and no page said {@code HasMore}.
     */
    static WindowPart combine(Window window, List<PageAttempt> attempts, boolean allPagesTried, Flaws flaws) {
        List<RoomPage> pages = attempts.stream()
                .map(PageAttempt::page)
                .filter(Objects::nonNull)
                .toList();
        VendorFailure failure = attempts.stream()
                .map(PageAttempt::failure)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        List<RoomSighting> rooms = new ArrayList<>();
        int skipped = 0;
        for (int p = 0; p < attempts.size(); p++) { // attempt p is page p + 1
            RoomPage page = attempts.get(p).page();
            List<com.fasterxml.jackson.databind.JsonNode> items = page == null ? List.of() : page.items();
            for (int i = 0; i < items.size(); i++) {
                String field = "RoomList[" + i + "] of page " + (p + 1) + " of " + window;
                RoomSighting sighting = RoomItems.sighting(items.get(i), field, flaws);
                if (sighting == null) {
                    skipped++;
                } else {
                    rooms.add(sighting);
                }
            }
        }
        boolean complete = failure == null
                && allPagesTried
                && skipped == 0
                && attempts.stream().noneMatch(PageAttempt::stalled)
                && pages.stream().noneMatch(RoomPage::more);
        return new WindowPart(window, rooms, complete, pages.size(), failure);
    }
}
