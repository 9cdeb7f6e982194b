package io.roomwatch.provider.http;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.RetrySettings;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.CallOutcome;
import io.roomwatch.provider.SlidingWindow;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.budget.RateBudget;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RetriesTest {

    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");
    private static final RetrySettings SETTINGS = RetrySettings.defaults()
            .withMaxThrottledRetries(3)
            .withMaxTransientRetries(2)
            .withThrottledWait(Duration.ofSeconds(1))
            .withFirstBackoff(Duration.ofMillis(200))
            .withMaxBackoff(Duration.ofSeconds(5));

    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final List<Long> attempts = new CopyOnWriteArrayList<>();

    @Test
    void givenTwoThrottledAnswers_whenCalling_thenRetriesTellsTheBudgetAndPaysAPermitPerAttempt() {
        RateBudget budget = RateBudget.create(APP, "t", 10, timer);
        Mono<String> call = call(budget, script(throttled(), throttled(), null));

        StepVerifier.withVirtualTime(() -> call, () -> timer, Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> assertThat(budget.currentRate()).isEqualTo(5.0)) // halved by the first answer
                .thenAwait(Duration.ofSeconds(30))
                .expectNext("ok")
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(3);
        assertThat(budget.used()).isEqualTo(3);
        assertThat(budget.calls(CallOutcome.THROTTLED))
                .as("every attempt counted by outcome")
                .isEqualTo(2);
        assertThat(budget.calls(CallOutcome.OK)).isEqualTo(1);
    }

    @Test
    void givenEndlessOutage_whenCalling_thenGivesUpAfterTheBoundWithTheOriginalFailure() {
        RateBudget budget = RateBudget.create(APP, "t", 10, timer);
        Mono<String> call = call(budget, script(unavailable(), unavailable(), unavailable(), unavailable()));

        StepVerifier.withVirtualTime(() -> call, () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(30))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(VendorUnavailable.class))
                .verify(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(3); // 1 + maxTransientRetries
        assertThat(budget.calls(CallOutcome.UNAVAILABLE)).isEqualTo(3);
        long firstGap = attempts.get(1) - attempts.get(0);
        assertThat(firstGap)
                .isBetween(
                        Duration.ofMillis(200).toNanos(), Duration.ofMillis(300).toNanos());
    }

    @Test
    void givenRejection_whenCalling_thenNoRetry() {
        RateBudget budget = RateBudget.create(APP, "t", 10, timer);
        Mono<String> call = call(budget, script(new VendorRejected(APP, "SignatureDoesNotMatch", "bad", "hint")));

        StepVerifier.withVirtualTime(() -> call, () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(30))
                .expectError(VendorRejected.class)
                .verify(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(1);
    }

    @Test
    void givenThrottlingStreakBeyondTheBound_whenCalling_thenTheThrottledFailureSurfaces() {
        RateBudget budget = RateBudget.create(APP, "t", 10, timer);
        Mono<String> call = call(budget, script(throttled(), throttled(), throttled(), throttled(), throttled()));

        StepVerifier.withVirtualTime(() -> call, () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofMinutes(1))
                .expectError(VendorThrottled.class)
                .verify(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(4); // 1 + maxThrottledRetries
    }

    @Test
    void givenFortyCallersEachThrottledOnce_whenRetrying_thenRetriesStayWithinTheBudgetToo() {
        RateBudget budget = RateBudget.create(APP, "t", 5, timer);
        Mono<List<String>> all = Flux.range(0, 40)
                .flatMap(i -> call(budget, script(throttled(), null)), 40)
                .collectList();

        StepVerifier.withVirtualTime(() -> all, () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofMinutes(5))
                .assertNext(results -> assertThat(results).hasSize(40))
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(attempts).hasSize(80);
        assertThat(SlidingWindow.maxPerSecond(attempts)).isLessThanOrEqualTo(5);
    }

    private Mono<String> call(RateBudget budget, Deque<RuntimeException> script) {
        Retries retries = Retries.of(SETTINGS, budget, timer);
        return retries.apply(budget.acquire().then(Mono.defer(() -> {
            attempts.add(timer.now(NANOSECONDS));
            RuntimeException next = script.isEmpty() ? null : script.poll();
            return next == null ? Mono.just("ok") : Mono.error(next);
        })));
    }

    private static Deque<RuntimeException> script(RuntimeException... failures) {
        Deque<RuntimeException> deque = new ArrayDeque<>();
        for (RuntimeException failure : failures) {
            if (failure == null) {
                break;
            }
            deque.add(failure);
        }
        return deque;
    }

    private static VendorThrottled throttled() {
        return new VendorThrottled(APP, "60007", "slow down");
    }

    private static VendorUnavailable unavailable() {
        return new VendorUnavailable(APP, "HTTP 502", "bad gateway", null);
    }
}
