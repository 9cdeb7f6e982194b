package io.roomwatch.provider;

import io.roomwatch.model.AppKey;

/**
 * A read-only view of one (app, API)'s rate budget and of how the calls paid from it ended: what the meters ({@link
 * VendorMeters}) and the demo's summary read. Reading has no effect on the budget. Thread-safe.
 */
public interface BudgetView {

    /** The app whose calls the budget paces. */
    AppKey app();

    /** The vendor API as the vendor names it, e.g. {@code ListRoomInfo} or {@code get_member_list}. */
    String api();

    /** The configured limit, in requests per second. */
    int limit();

    /** The rate permits are handed out at now, in requests per second: below {@link #limit()} after throttling. */
    double currentRate();

    /** How many permits were handed out so far (retries included). */
    long used();

    /**
     * How many permits the configured limit offered since the budget was created that no call took: {@code limit x
     * seconds elapsed - used()}, at least 0, on the budget's scheduler. Its rate is the budget left unused per second
     * (left for the customer's own calls to the vendor).
     */
    long unused();

    /** How many attempts paid from this budget ended with {@code outcome}. */
    long calls(CallOutcome outcome);

    /** How many odd answers of kind {@code flaw} this API gave. */
    long flaws(AnswerFlaw flaw);
}
