package io.roomwatch.provider;

import java.util.Locale;

/**
 * What was odd about a vendor answer that was still used: counted per (app, API) on the API's rate budget ({@link
 * BudgetView#flaws}, meter {@code roomwatch.vendor.answer.flaws}, see {@link VendorMeters}) and logged as a WARN line naming app, API and
 * field. Answers too broken to use are failures ({@link VendorUnavailable#isMalformedAnswer()}), counted here as
 * {@link #MALFORMED} as well.
 */
public enum AnswerFlaw {
    /** A paged walk ended early: a cursor that repeats, a page without progress or without a cursor, maxPages. */
    STALLED_PAGING("paging stopped early"),
    /** A time field that could not be read; used as absent. */
    BAD_TIME("unreadable time"),
    /** A list item (or an answer's own id) that could not be used; skipped, the listing is partial. */
    BAD_ITEM("item skipped"),
    /** An answer without positive evidence of success or of the shape we read (retried, then unknown). */
    MALFORMED("malformed answer");

    private final String description;

    AnswerFlaw(String description) {
        this.description = description;
    }

    /** A few words for log lines, e.g. {@code item skipped}. */
    public String description() {
        return description;
    }

    /** The metric tag value, e.g. {@code bad_item}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
