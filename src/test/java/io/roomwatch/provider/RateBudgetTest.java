package io.roomwatch.provider;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RateBudgetTest {

    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();

    @Test
    void givenHundredCallersAtOnce_whenAcquiring_thenNeverMoreThanTheLimitInAnySecond() {
        RateBudget budget = RateBudget.create("test", 10, timer);

        StepVerifier.withVirtualTime(() -> permits(budget, 100), () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(20))
                .assertNext(times -> {
                    assertThat(times).hasSize(100);
                    assertThat(SlidingWindow.maxPerSecond(times)).isEqualTo(10);
                    assertThat(times.stream().mapToLong(Long::longValue).max().orElseThrow())
                            .isEqualTo(Duration.ofMillis(9_900).toNanos());
                })
                .verifyComplete();
        assertThat(budget.used()).isEqualTo(100);
    }

    @Test
    void givenAThrottledAnswer_whenTimePasses_thenRateHalvesOnceAndRecoversOnePerCleanSecond() {
        RateBudget budget = RateBudget.create("test", 10, timer);

        budget.throttled();
        budget.throttled(); // same second: answers to requests already in flight
        double halved = budget.currentRate();
        timer.advanceTimeBy(Duration.ofSeconds(1));
        double afterOne = budget.currentRate();
        timer.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(halved).isEqualTo(5.0);
        assertThat(afterOne).isEqualTo(6.0);
        assertThat(budget.currentRate()).isEqualTo(10.0);
    }

    @Test
    void givenRepeatedThrottles_whenHalving_thenNeverBelowASixteenthOfTheLimit() {
        RateBudget budget = RateBudget.create("test", 32, timer);
        for (int i = 0; i < 10; i++) {
            budget.throttled();
            assertThat(budget.currentRate()).isGreaterThanOrEqualTo(2.0).isLessThanOrEqualTo(16.0);
            timer.advanceTimeBy(Duration.ofMillis(1_000));
        }
    }

    @Test
    void givenThrottlesDuringABurst_whenAcquiring_thenSpacingFollowsTheLowerRateAndWindowStaysBelowLimit() {
        RateBudget budget = RateBudget.create("test", 20, timer);
        List<Long> times = new CopyOnWriteArrayList<>();
        Disposable burst = permits(budget, 200).subscribe(times::addAll);
        timer.advanceTimeBy(Duration.ofMillis(500));
        budget.throttled();
        timer.advanceTimeBy(Duration.ofMinutes(1));
        burst.dispose();

        assertThat(times).hasSize(200);
        assertThat(SlidingWindow.maxPerSecond(times)).isLessThanOrEqualTo(20);
        long justAfter = times.stream()
                .filter(t -> t > Duration.ofMillis(500).toNanos()
                        && t <= Duration.ofMillis(1_500).toNanos())
                .count();
        assertThat(justAfter).isLessThanOrEqualTo(10); // halved to 10/s for the first clean second
    }

    @Test
    void givenRandomArrivalsAndThrottles_whenRunningAMinute_thenNoSecondEverExceedsTheLimit() {
        Random random = new Random(42);
        RateBudget budget = RateBudget.create("test", 7, timer);
        List<Long> times = new CopyOnWriteArrayList<>();
        for (int step = 0; step < 600; step++) {
            int arrivals = random.nextInt(4);
            for (int i = 0; i < arrivals; i++) {
                budget.acquire().subscribe(null, null, () -> times.add(timer.now(NANOSECONDS)));
            }
            if (random.nextInt(50) == 0) {
                budget.throttled();
            }
            timer.advanceTimeBy(Duration.ofMillis(100));
        }
        timer.advanceTimeBy(Duration.ofMinutes(10));

        assertThat(times).hasSize((int) budget.used());
        assertThat(SlidingWindow.maxPerSecond(times)).isLessThanOrEqualTo(7);
    }

    @Test
    void givenAWaitingPermit_whenCancelled_thenItNeverCompletes() {
        RateBudget budget = RateBudget.create("test", 1, timer);
        budget.acquire().subscribe();
        List<Long> done = new CopyOnWriteArrayList<>();

        Disposable waiting = budget.acquire().subscribe(null, null, () -> done.add(timer.now(NANOSECONDS)));
        waiting.dispose();
        timer.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(done).isEmpty();
    }

    @Test
    void givenNoSubscription_whenAcquireIsCalled_thenNothingIsReserved() {
        RateBudget budget = RateBudget.create("test", 1, timer);
        Mono<Void> unused = budget.acquire();
        assertThat(unused).isNotNull();
        assertThat(budget.used()).isZero();
    }

    private Mono<List<Long>> permits(RateBudget budget, int count) {
        return Flux.range(0, count)
                .flatMap(i -> budget.acquire().then(Mono.fromCallable(() -> timer.now(NANOSECONDS))), count)
                .collectList();
    }
}
