package io.roomwatch.provider;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * The meters of vendor calls, one set per rate budget, tagged {@code provider}, {@code app} and {@code api} (from the
 * budget's {@link BudgetView#app()} and {@link BudgetView#api()}; never a secret). The app binds them where it wires
 * its providers:
 *
 * <ul>
 *   <li>{@code roomwatch.vendor.calls} (counter, tag {@code outcome}: ok, throttled, unavailable, rejected): call
 *       attempts, retries included; throttled calls are {@code outcome=throttled};
 *   <li>{@code roomwatch.vendor.answer.flaws} (counter, tag {@code flaw}: stalled_paging, bad_time, bad_item,
 *       malformed): odd answers, see {@link AnswerFlaw};
 *   <li>{@code roomwatch.budget.permits} (counter): permits handed out;
 *   <li>{@code roomwatch.budget.unused} (counter): permits the limit offered that no call took, see {@link
 *       BudgetView#unused()}: its rate is the budget left unused per second;
 *   <li>{@code roomwatch.budget.rate} and {@code roomwatch.budget.limit} (gauges, requests/s): the rate permits are
 *       handed out at now (below the limit after throttled answers) and the configured limit.
 * </ul>
 */
public final class VendorMeters implements MeterBinder {

    private final List<BudgetView> budgets;

    private VendorMeters(List<BudgetView> budgets) {
        this.budgets = budgets;
    }

    /** The meters of {@code budgets}, e.g. an {@link RtcProvider#budgets()}; the meters keep the budgets alive. */
    public static VendorMeters of(List<? extends BudgetView> budgets) {
        return new VendorMeters(List.copyOf(budgets));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        budgets.forEach(budget -> bind(registry, budget));
    }

    private static void bind(MeterRegistry registry, BudgetView budget) {
        Tags tags = Tags.of(
                "provider", budget.app().provider().id(), "app", budget.app().appId(), "api", budget.api());
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
        FunctionCounter.builder("roomwatch.budget.permits", budget, BudgetView::used)
                .tags(tags)
                .description("rate-budget permits handed out")
                .register(registry);
        FunctionCounter.builder("roomwatch.budget.unused", budget, BudgetView::unused)
                .tags(tags)
                .description("rate-budget permits the limit offered that no call took (budget left unused)")
                .register(registry);
        // no base unit: Prometheus would append it to the name (roomwatch_budget_rate_requests_s), and the documented
        // names, the Grafana dashboard and the Connect metrics all say roomwatch_budget_rate / roomwatch_budget_limit
        Gauge.builder("roomwatch.budget.rate", budget, BudgetView::currentRate)
                .tags(tags)
                .strongReference(true)
                .description("requests per second the budget hands permits out at now (lower after throttling)")
                .register(registry);
        Gauge.builder("roomwatch.budget.limit", budget, BudgetView::limit)
                .tags(tags)
                .strongReference(true)
                .description("the API's documented limit, requests per second")
                .register(registry);
    }
}
