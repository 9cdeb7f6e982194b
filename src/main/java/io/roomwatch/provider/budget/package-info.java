/**
 * Rate budgets: {@link io.roomwatch.provider.budget.RateBudget}, one per (app, vendor API), paces the calls so that no
 * vendor second holds more than the limit, slows down when the vendor throttles, and counts how the calls ended. The
 * clients pay every attempt from one; the SPI shows budgets only as read-only {@link
 * io.roomwatch.provider.BudgetView}s. Its parts are package-private: the ticket queue (fair order), the pace (spacing,
 * throttling), the arrival window (the answer-aware sliding second) and the counters.
 */
@NullMarked
package io.roomwatch.provider.budget;

import org.jspecify.annotations.NullMarked;
