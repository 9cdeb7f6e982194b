package io.roomwatch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.budget.RateBudget;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

class VendorMetersTest {

    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void givenABudget_whenBound_thenCallsByOutcomePermitsAndRatesAreTaggedByProviderAppAndApi() {
        RateBudget budget = RateBudget.create(AppKey.of(Provider.VOLCENGINE, "app-1"), "GetRoomOnlineUsers", 40, timer);
        VendorMeters.of(List.of(budget)).bindTo(registry);

        budget.acquire().block();
        budget.count(CallOutcome.OK);
        budget.count(CallOutcome.THROTTLED);
        budget.count(CallOutcome.THROTTLED);
        budget.throttled();

        assertThat(registry.get("roomwatch.vendor.calls")
                        .tags(
                                "provider",
                                "volcengine",
                                "app",
                                "app-1",
                                "api",
                                "GetRoomOnlineUsers",
                                "outcome",
                                "throttled")
                        .functionCounter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("roomwatch.vendor.calls")
                        .tag("outcome", "ok")
                        .functionCounter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("roomwatch.budget.permits").functionCounter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("roomwatch.budget.rate").gauge().value()).isEqualTo(20.0); // halved
        assertThat(registry.get("roomwatch.budget.limit").gauge().value()).isEqualTo(40.0);
    }

    @Test
    void givenABudgetMostlyUnused_thenTheUnusedPermitsAreCounted_onTheBudgetsScheduler() {
        RateBudget budget = RateBudget.create(AppKey.of(Provider.VOLCENGINE, "app-1"), "GetRoomOnlineUsers", 40, timer);
        VendorMeters.of(List.of(budget)).bindTo(registry);

        budget.acquire().block();
        timer.advanceTimeBy(java.time.Duration.ofSeconds(10));
        budget.acquire().block();

        assertThat(registry.get("roomwatch.budget.unused").functionCounter().count())
                .as("40/s offered for 10 s, 2 taken")
                .isEqualTo(398.0);
    }

    @Test
    void givenPrometheus_thenTheBudgetGaugesHaveTheDocumentedNames() {
        var prometheus = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        VendorMeters.of(List.of(RateBudget.create(
                        AppKey.of(Provider.TENCENT_LIVE, "1400000001"), "get_member_list", 200, timer)))
                .bindTo(prometheus);

        String scrape = prometheus.scrape();

        // the names the README, docs/connect.md and deploy/grafana/roomwatch-dashboard.json use
        assertThat(scrape).contains("\nroomwatch_budget_rate{", "\nroomwatch_budget_limit{");
        assertThat(scrape).doesNotContain("requests_s");
    }

    @Test
    void budgetsAppAndApiBecomeTags_andNoOtherText() {
        AppKey app = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
        VendorMeters.of(List.of(RateBudget.create(app, "get_member_list", 200, timer)))
                .bindTo(registry);

        assertThat(registry.get("roomwatch.budget.permits")
                        .functionCounter()
                        .getId()
                        .getTags())
                .extracting(t -> t.getKey() + "=" + t.getValue())
                .containsExactly("api=get_member_list", "app=1400000001", "provider=tencent-live");
    }

    @Test
    void everyFailureKindMapsToOneOutcome() {
        AppKey app = AppKey.of(Provider.VOLCENGINE, "a");

        assertThat(CallOutcome.of(new VendorThrottled(app, "429", "slow"))).isEqualTo(CallOutcome.THROTTLED);
        assertThat(CallOutcome.of(new VendorUnavailable(app, "502", "down", null)))
                .isEqualTo(CallOutcome.UNAVAILABLE);
        assertThat(CallOutcome.of(new IllegalStateException("timeout"))).isEqualTo(CallOutcome.UNAVAILABLE);
        assertThat(CallOutcome.THROTTLED.tag()).isEqualTo("throttled");
    }
}
