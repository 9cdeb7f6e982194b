package io.roomwatch.provider.http;

import io.roomwatch.provider.AnswerFlaw;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ends a paged walk that does not move on. One per walk (create it on subscription), pages fed in order; not
 * thread-safe. Every paged API goes through one: Tencent {@code Next} cursors ({@code get_room_list}, {@code
 * get_member_list}, {@code get_room_member_list}) and Volcengine {@code PageNum} offsets ({@code ListRoomInfo}).
 *
 * <ul>
 *   <li>A cursor walk ends when the vendor's end marker comes ({@code Next: ""}: complete), or at once, with a
 *       counted warning, when a page answers a cursor the walk has already asked with (a cursor that repeats or
 *       cycles), answers no cursor at all, brings no item while its cursor says there is more, or {@code maxPages} is
 *       reached: the listing is then partial.
 *   <li>An offset walk stops, with a counted warning, at a page that brings no item the walk has not seen (an empty
 *       page before {@code Total} was reached, or a page repeated because the vendor ignores the offset).
 * </ul>
 */
public final class PageGuard {

    /** What to do after a page. */
    public enum Verdict {
        /** The vendor's own end marker: the walk is complete. */
        END,
        /** Ask for the next page. */
        NEXT,
        /** Stop here: the walk is partial (a warning was counted and logged). */
        STOP
    }

    private final Flaws flaws;
    private final int maxPages;
    private final Map<String, Integer> askedWith = new HashMap<>();

    private PageGuard(Flaws flaws, int maxPages) {
        this.flaws = flaws;
        this.maxPages = maxPages;
    }

    /** A guard for one walk of at most {@code maxPages} pages, warning through {@code flaws}. */
    public static PageGuard of(Flaws flaws, int maxPages) {
        return new PageGuard(flaws, maxPages);
    }

    /**
     * One answered page of a cursor walk.
     *
     * @param page 1-based page number
     * @param asked the cursor the page was asked with ({@code ""} for the first)
     * @param next the cursor it answered; null when it answered none
     * @param items how many list items it brought
     */
    public Verdict cursorPage(int page, String asked, @Nullable String next, int items) {
        askedWith.putIfAbsent(asked, page);
        if (next == null) {
            return stop("page " + page + " has no Next cursor, so its end is unknown");
        }
        if (next.isEmpty()) {
            return Verdict.END;
        }
        Integer seen = askedWith.get(next);
        if (seen != null) {
            return stop("page " + page + " answered Next " + Flaws.quote('"' + next + '"') + ", the cursor page " + seen
                    + " was asked with: the cursor does not move");
        }
        if (items == 0) {
            return stop("page " + page + " is empty while its Next " + Flaws.quote('"' + next + '"')
                    + " says there is more");
        }
        if (page >= maxPages) {
            return stop("maxPages (" + maxPages + ") reached");
        }
        return Verdict.NEXT;
    }

    /**
     * One answered page of an offset walk.
     *
     * @param page 1-based page number
     * @param fresh how many of its items the walk had not seen before
     * @return whether the walk made progress (false: stop, a warning was counted and logged)
     */
    public boolean offsetPage(int page, int fresh) {
        if (fresh > 0) {
            return true;
        }
        stop("page " + page + " brought no item not seen before: the offset does not move");
        return false;
    }

    private Verdict stop(String why) {
        flaws.report(AnswerFlaw.STALLED_PAGING, why + "; the listing is partial");
        return Verdict.STOP;
    }
}
