package io.roomwatch.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomwatch.provider.RateBudget;
import io.roomwatch.provider.RtcProvider;
import java.util.List;

/** Registers the rate budgets' meters: permits used, current rate and limit, per app and API. */
final class Metrics {

    private Metrics() {}

    static void budgets(MeterRegistry registry, List<RtcProvider> providers) {
        for (RtcProvider provider : providers) {
            for (RateBudget budget : provider.budgets()) {
                String api = budget.name().substring(budget.name().lastIndexOf(' ') + 1);
                String[] tags = {
                    "provider",
                    provider.app().provider().id(),
                    "app",
                    provider.app().appId(),
                    "api",
                    api
                };
                FunctionCounter.builder("roomwatch.budget.permits", budget, RateBudget::used)
                        .tags(tags)
                        .description("permits handed out by the rate budget (calls, retries included)")
                        .register(registry);
                Gauge.builder("roomwatch.budget.rate", budget, RateBudget::currentRate)
                        .tags(tags)
                        .description("current allowed rate, calls/s (halved on throttling, recovers gradually)")
                        .register(registry);
                Gauge.builder("roomwatch.budget.limit", budget, b -> b.limit())
                        .tags(tags)
                        .description("configured limit, calls/s")
                        .register(registry);
            }
        }
    }
}
