package io.roomwatch.provider.budget;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.SlidingWindow;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RateBudgetTest {

    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");

    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();

    @Test
    void givenHundredCallersAtOnce_whenAcquiring_thenNeverMoreThanTheLimitInAnySecond() {
        RateBudget budget = RateBudget.create(APP, "test", 10, timer);

        StepVerifier.withVirtualTime(() -> permits(budget, 100), () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(20))
                .assertNext(times -> {
                    assertThat(times).hasSize(100);
                    assertThat(SlidingWindow.maxPerSecond(times)).isEqualTo(10);
                    // 100 ms apart, and each permit 1 s + 15 ms after the one 10 places before it
                    assertThat(times.stream().mapToLong(Long::longValue).max().orElseThrow())
                            .isEqualTo(Duration.ofMillis(9_900 + 9 * 15).toNanos());
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.used()).isEqualTo(100);
    }

    @Test
    void givenPermitsHandedOutLate_whenLaterOnesAreOnTime_thenNoSecondOfHandOutsExceedsTheLimit() {
        // the timer fires the first 9 permits' waits 300 ms late (a stalled thread), later ones on time: spacing
        // alone would put 12 hand-outs into one second; the window rule holds each back a second (+ 15 ms) after
        // the permit 10 places before it was really handed out
        LateTimer late = new LateTimer(timer, 9, Duration.ofMillis(300));
        RateBudget budget = RateBudget.create(APP, "test", 10, late);
        List<Long> times = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 30; i++) {
            budget.acquire().subscribe(null, null, () -> times.add(timer.now(NANOSECONDS)));
        }
        timer.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(times).hasSize(30);
        assertThat(SlidingWindow.maxPerSecond(times)).isLessThanOrEqualTo(10);
        for (int k = 10; k < times.size(); k++) {
            assertThat(times.get(k) - times.get(k - 10))
                    .as("permit %d", k)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1_015).toNanos());
        }
    }

    @Test
    void givenManyCallersAndALaggingTimer_whenAcquiring_thenPermitsLeaveInArrivalOrderAndNoneStarves() {
        // the starvation the first window rule had: waiters racing for a freed window could lose every race. Here
        // every third wake-up is 40 ms late; 16 callers keep re-acquiring for 20 s; each caller's permits must come
        // in the order they were asked for, and no wait may exceed what the queue ahead of it explains
        LateTimer late = new LateTimer(timer, Integer.MAX_VALUE, Duration.ofMillis(40), 3);
        RateBudget budget = RateBudget.create(APP, "test", 20, late);
        List<long[]> grants = new CopyOnWriteArrayList<>(); // {ticket order, asked at, granted at}
        java.util.concurrent.atomic.AtomicLong order = new java.util.concurrent.atomic.AtomicLong();
        Disposable callers = Flux.range(0, 16)
                .flatMap(
                        caller -> Mono.defer(() -> {
                                    long asked = timer.now(NANOSECONDS);
                                    long n = order.getAndIncrement();
                                    return budget.acquire()
                                            .then(Mono.fromRunnable(
                                                    () -> grants.add(new long[] {n, asked, timer.now(NANOSECONDS)})));
                                })
                                .repeat(),
                        16)
                .subscribe();
        timer.advanceTimeBy(Duration.ofSeconds(20));
        callers.dispose();

        assertThat(grants).hasSizeGreaterThan(300);
        for (int i = 1; i < grants.size(); i++) {
            assertThat(grants.get(i)[0]).as("hand-out %d in ticket order", i).isGreaterThan(grants.get(i - 1)[0]);
        }
        long longestWait = grants.stream().mapToLong(g -> g[2] - g[1]).max().orElseThrow();
        // 16 tickets ahead at most, 50 ms apart, plus lags and the window allowance: well under 2 s
        assertThat(longestWait).isLessThan(Duration.ofSeconds(2).toNanos());
        List<Long> times = grants.stream().map(g -> g[2]).toList();
        assertThat(SlidingWindow.maxPerSecond(times)).isLessThanOrEqualTo(20);
    }

    @Test
    void givenTheHeadOfTheQueueIsCancelled_whenLaterPermitsAreDue_thenTheyAreHandedOut() {
        LateTimer late = new LateTimer(timer, 1, Duration.ofSeconds(30)); // the first delayed wake-up hangs
        RateBudget budget = RateBudget.create(APP, "test", 10, late);
        budget.acquire().subscribe(); // slot 0: at once
        Disposable stuck = budget.acquire().subscribe(); // slot 100 ms, woken 30 s late
        List<Long> done = new CopyOnWriteArrayList<>();
        budget.acquire().subscribe(null, null, () -> done.add(timer.now(NANOSECONDS))); // slot 200 ms

        timer.advanceTimeBy(Duration.ofMillis(500));
        assertThat(done).as("held behind the earlier permit").isEmpty();
        stuck.dispose();

        assertThat(done).containsExactly(Duration.ofMillis(500).toNanos());
    }

    @Test
    void givenACallAnsweredLate_whenThePermitLimitPlacesLaterIsDue_thenItWaitsAsMuchLongerAsTheCallWasLate() {
        // calls answer after 10 ms, except the third, which sat 200 ms somewhere (in the vendor's front end, say):
        // it may have reached the vendor up to 190 ms late, so the permit 5 places later waits that much longer
        RateBudget budget = RateBudget.create(APP, "test", 5, timer);
        List<Long> sent = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            Duration answerAfter = Duration.ofMillis(i == 2 ? 200 : 10);
            budget.paced(Mono.fromRunnable(() -> sent.add(timer.now(NANOSECONDS)))
                            .then(Mono.delay(answerAfter, timer)))
                    .subscribe();
        }
        timer.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(sent).hasSize(10);
        long third = sent.get(2);
        assertThat(sent.get(7) - third)
                .as("held back by the late answer")
                .isEqualTo(Duration.ofMillis(1_000 + 15 + 190).toNanos());
        assertThat(sent.get(6) - sent.get(1))
                .as("a punctual call's follower waits only the allowance")
                .isEqualTo(Duration.ofMillis(1_000 + 15).toNanos());
    }

    // Regression for issue 14 ("11 calls in one sliding second against a limit of 10", TUILiveKit get_room_list at
    // scale on a loaded machine). The window rule dates a call's arrival at the vendor from its answer: answered at r,
    // it arrived by r - rttMin, rttMin being meant as what the way back takes at least. Taken as the shortest round
    // trip of the last `limit` calls only, rttMin grows with load: when for a second every request queues ~40 ms on
    // its way out (a busy event loop, a full connection pool, the vendor's front end, where the vendor counts it only
    // after) while answers come back in 1 ms, all ten round trips are ~41 ms, all but 1 ms of it on the way out. The
    // arrivals of that second are then dated 40 ms too early, and when the load lifts, a punctual request reaches the
    // vendor 976 ms after the one `limit` places before it: 11 arrivals in one second
    @Test
    void givenASecondOfRequestsSlowedOnTheWayOut_whenTheLoadLifts_thenNoSecondOfArrivalsExceedsTheLimit() {
        RateBudget budget = RateBudget.create(APP, "test", 10, timer);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        Disposable walk = Flux.range(0, 40) // one call after the other, as a page walk asks for its pages
                .concatMap(i -> budget.paced(vendorCall(arrivals, i >= 10 && i < 20 ? 40 : 1, 1)))
                .subscribe();
        timer.advanceTimeBy(Duration.ofSeconds(30));
        walk.dispose();

        assertThat(arrivals).hasSize(40);
        assertThat(SlidingWindow.maxPerSecond(arrivals)).isLessThanOrEqualTo(10);
    }

    @Test
    void givenSlowOutboundTripsForHalfAMinute_whenTheLoadLifts_thenStillWithinTheLimitOnceAQuietCallWasSeen() {
        // the estimate's floor is the shortest round trip over minutes, not only over the last `limit` calls
        RateBudget budget = RateBudget.create(APP, "test", 10, timer);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        Disposable walk = Flux.range(0, 300)
                .concatMap(i -> budget.paced(vendorCall(arrivals, i == 0 || i >= 280 ? 1 : 30 + (i % 7) * 5, 1)))
                .subscribe();
        timer.advanceTimeBy(Duration.ofMinutes(2));
        walk.dispose();

        assertThat(arrivals).hasSize(300);
        assertThat(SlidingWindow.maxPerSecond(arrivals)).isLessThanOrEqualTo(10);
    }

    /** A call that reaches the vendor {@code outMillis} after it is sent and is answered {@code backMillis} later. */
    private Mono<Void> vendorCall(List<Long> arrivals, long outMillis, long backMillis) {
        return Mono.delay(Duration.ofMillis(outMillis), timer)
                .doOnNext(t -> arrivals.add(timer.now(NANOSECONDS)))
                .then(Mono.delay(Duration.ofMillis(backMillis), timer))
                .then();
    }

    @Test
    void givenACallThatNeverAnswers_whenThePermitLimitPlacesLaterIsDue_thenItIsHeldAtMostMaxHoldLonger() {
        RateBudget budget = RateBudget.create(APP, "test", 2, timer);
        List<Long> sent = new CopyOnWriteArrayList<>();
        budget.paced(Mono.fromRunnable(() -> sent.add(timer.now(NANOSECONDS))).then(Mono.never()))
                .subscribe();
        for (int i = 0; i < 3; i++) {
            budget.paced(Mono.fromRunnable(() -> sent.add(timer.now(NANOSECONDS))))
                    .subscribe();
        }
        timer.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(sent).hasSize(4);
        assertThat(sent.get(2))
                .as("one second + allowance + MAX_HOLD after the hung call")
                .isEqualTo(Duration.ofMillis(1_000 + 15 + 1_000).toNanos());
    }

    @Test
    void givenPacedCallsThatFail_whenRetried_thenEachAttemptPaysAndFailuresPassThrough() {
        RateBudget budget = RateBudget.create(APP, "test", 10, timer);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        Mono<String> call = budget.paced(Mono.defer(() -> attempts.incrementAndGet() < 3
                        ? Mono.<String>error(new IllegalStateException("boom"))
                        : Mono.just("ok")))
                .retry(5);

        StepVerifier.withVirtualTime(() -> call, () -> timer, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("ok")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.used()).isEqualTo(3);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givenAThrottledAnswer_whenTimePasses_thenRateHalvesOnceAndRecoversOnePerCleanSecond() {
        RateBudget budget = RateBudget.create(APP, "test", 10, timer);

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
        RateBudget budget = RateBudget.create(APP, "test", 32, timer);
        for (int i = 0; i < 10; i++) {
            budget.throttled();
            assertThat(budget.currentRate()).isGreaterThanOrEqualTo(2.0).isLessThanOrEqualTo(16.0);
            timer.advanceTimeBy(Duration.ofMillis(1_000));
        }
    }

    @Test
    void givenThrottlesDuringABurst_whenAcquiring_thenSpacingFollowsTheLowerRateAndWindowStaysBelowLimit() {
        RateBudget budget = RateBudget.create(APP, "test", 20, timer);
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
        RateBudget budget = RateBudget.create(APP, "test", 7, timer);
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
        RateBudget budget = RateBudget.create(APP, "test", 1, timer);
        budget.acquire().subscribe();
        List<Long> done = new CopyOnWriteArrayList<>();

        Disposable waiting = budget.acquire().subscribe(null, null, () -> done.add(timer.now(NANOSECONDS)));
        waiting.dispose();
        timer.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(done).isEmpty();
    }

    @Test
    void givenNoSubscription_whenAcquireIsCalled_thenNothingIsReserved() {
        RateBudget budget = RateBudget.create(APP, "test", 1, timer);
        Mono<Void> unsubscribed = budget.acquire();
        assertThat(budget.used()).isZero();

        // at 1/s, a slot reserved by the unsubscribed permit would push this one a second back
        List<Long> done = new CopyOnWriteArrayList<>();
        budget.acquire().subscribe(null, null, () -> done.add(timer.now(NANOSECONDS)));
        assertThat(done).as("the first subscribed permit is handed out at once").containsExactly(0L);

        // the unsubscribed one reserves (and pays) only when subscribed: after the one that was
        unsubscribed.subscribe(null, null, () -> done.add(timer.now(NANOSECONDS)));
        timer.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(done).hasSize(2);
        assertThat(done.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(budget.used()).isEqualTo(2);
    }

    private Mono<List<Long>> permits(RateBudget budget, int count) {
        return Flux.range(0, count)
                .flatMap(i -> budget.acquire().then(Mono.fromCallable(() -> timer.now(NANOSECONDS))), count)
                .collectList();
    }

    /** A timer whose first {@code lateCount} delayed tasks (or every {@code every}-th one) run {@code lag} late. */
    private static final class LateTimer implements Scheduler {
        private final VirtualTimeScheduler clock;
        private final long lagNanos;
        private final int every;
        private int late;
        private int count;

        LateTimer(VirtualTimeScheduler clock, int lateCount, Duration lag) {
            this(clock, lateCount, lag, 1);
        }

        LateTimer(VirtualTimeScheduler clock, int lateCount, Duration lag, int every) {
            this.clock = clock;
            this.late = lateCount;
            this.lagNanos = lag.toNanos();
            this.every = every;
        }

        @Override
        public Disposable schedule(Runnable task) {
            return clock.schedule(task);
        }

        @Override
        public synchronized Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            long extra = (count++ % every == 0 && late-- > 0) ? lagNanos : 0;
            return clock.schedule(task, unit.toNanos(delay) + extra, TimeUnit.NANOSECONDS);
        }

        @Override
        public long now(TimeUnit unit) {
            return clock.now(unit);
        }

        @Override
        public Worker createWorker() {
            return clock.createWorker();
        }
    }
}
