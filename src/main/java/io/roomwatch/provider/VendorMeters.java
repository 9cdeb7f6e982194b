package io.roomwatch.provider;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Publishes a {@link RateBudget}'s figures to Micrometer, tagged {@code provider}, {@code app} and {@code api} (from
 * the budget's name {@code provider/appId API}; never a secret):
 *
 * <ul>
 *   <li>{@code roomwatch.vendor.calls} (counter, tag {@code outcome}: ok, throttled, unavailable, rejected): call
 *       attempts, retries included; throttled calls are {@code outcome=throttled};
 *   <li>{@code roomwatch.vendor.answer.flaws} (counter, tag {@code flaw}: stalled_paging, bad_time, bad_item,
 *       malformed): odd answers, see {@link AnswerFlaw};
 *   <li>{@code roomwatch.budget.permits} (counter): permits handed out;
 *   <li>{@code roomwatch.budget.rate} and {@code roomwatch.budget.limit} (gauges, requests/s): the rate permits are
 *       handed out at now (below the limit after throttled answers) and the configured limit.
 * </ul>
 */
public final class VendorMeters {

    private VendorMeters() {}

    /** Registers {@code budget}'s meters; the meters read the budget, which they keep alive. */
    public static void bind(MeterRegistry registry, RateBudget budget) {
        Tags tags = tags(budget.name());
        for (CallOutcome outcome : CallOutcome.values()) {
            FunctionCounter.builder("roomwatch.vendor.calls", budget, b -> b.calls(outcome))
                    .tags(tags.and("outcome", outcome.tag()))
                    .description("vendor call attempts by outcome, retries included")
                    .register(registry);
        }
        for (AnswerFlaw flaw : AnswerFlaw.values()) {
            FunctionCounter.builder("roomwatch.vendor.answer.flaws", budget, b -> b.flaws(flaw))
                    .tags(tags.and("flaw", flaw.tag()))
                    .description("odd vendor answers: items skipped, walks stopped, times unread, malformed answers")
                    .register(registry);
        }
        FunctionCounter.builder("roomwatch.budget.permits", budget, RateBudget::used)
                .tags(tags)
                .description("rate-budget permits handed out")
                .register(registry);
        Gauge.builder("roomwatch.budget.rate", budget, RateBudget::currentRate)
                .tags(tags)
                .strongReference(true)
                .baseUnit("requests/s")
                .register(registry);
        Gauge.builder("roomwatch.budget.limit", budget, RateBudget::limit)
                .tags(tags)
                .strongReference(true)
                .baseUnit("requests/s")
                .register(registry);
    }

    /** {@code provider/appId API} → provider, app, api tags; a name of another shape becomes the api tag whole. */
    static Tags tags(String budgetName) {
        int space = budgetName.indexOf(' ');
        int slash = budgetName.indexOf('/');
        if (space < 0 || slash < 0 || slash > space) {
            return Tags.of("provider", "", "app", "", "api", budgetName);
        }
        return Tags.of(
                "provider",
                budgetName.substring(0, slash),
                "app",
                budgetName.substring(slash + 1, space),
                "api",
                budgetName.substring(space + 1));
    }
}
