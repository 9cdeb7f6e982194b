package io.roomwatch.provider.http;

import io.roomwatch.config.RetrySettings;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.CallOutcome;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.budget.RateBudget;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The retry policy of one (app, API), built on Reactor's {@link RetryBackoffSpec} and matching on failure types only:
 *
 * <ul>
 *   <li>{@link VendorThrottled}: the budget is told ({@link RateBudget#throttled()}), then the call is retried after
 *       an exponential, jittered wait from {@code throttledWait}, at most {@code maxThrottledRetries} times in a row;
 *   <li>{@link VendorUnavailable}: retried after an exponential, jittered wait from {@code firstBackoff}, at most
 *       {@code maxTransientRetries} times;
 *   <li>{@link io.roomwatch.provider.VendorRejected}: never retried.
 * </ul>
 *
 * A malformed answer ({@link VendorUnavailable#isMalformedAnswer()}) is also counted and logged, per attempt, as an
 * {@link AnswerFlaw#MALFORMED} flaw: an outage is expected, an answer we cannot read deserves a line of its own.
 *
 * When retries run out, the last failure itself is signalled (not Reactor's "retries exhausted" wrapper). Every
 * retry re-subscribes the whole attempt, so it re-signs and pays a new permit. Waits run on the injected timer.
 */
public final class Retries {

    private final Retry onThrottled;
    private final Retry onUnavailable;
    private final RateBudget budget;
    private final Flaws flaws;

    private Retries(Retry onThrottled, Retry onUnavailable, RateBudget budget) {
        this.onThrottled = onThrottled;
        this.onUnavailable = onUnavailable;
        this.budget = budget;
        this.flaws = Flaws.of(budget);
    }

    /** The policy for calls that pay permits from {@code budget}. */
    public static Retries of(RetrySettings settings, RateBudget budget, Scheduler timer) {
        RetryBackoffSpec throttled = Retry.backoff(settings.maxThrottledRetries(), settings.throttledWait())
                .filter(VendorThrottled.class::isInstance);
        RetryBackoffSpec unavailable = Retry.backoff(settings.maxTransientRetries(), settings.firstBackoff())
                .filter(VendorUnavailable.class::isInstance);
        return new Retries(common(throttled, settings, timer), common(unavailable, settings, timer), budget);
    }

    /** {@code attempt} with this policy applied; {@code attempt} must do all per-attempt work on subscription. */
    public <T> Mono<T> apply(Mono<T> attempt) {
        return attempt.doOnSuccess(answer -> budget.count(CallOutcome.OK))
                .doOnError(failure -> budget.count(CallOutcome.of(failure)))
                .doOnError(VendorUnavailable.class, this::malformed)
                .doOnError(VendorThrottled.class, failure -> budget.throttled())
                .retryWhen(onThrottled) // inner: a throttled streak restarts after each transient retry
                .retryWhen(onUnavailable);
    }

    private void malformed(VendorUnavailable failure) {
        if (failure.isMalformedAnswer()) {
            String message = failure.getMessage();
            String prefix = failure.app() + ": ";
            flaws.report(
                    AnswerFlaw.MALFORMED, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    private static Retry common(RetryBackoffSpec spec, RetrySettings settings, Scheduler timer) {
        return spec.maxBackoff(settings.maxBackoff())
                .jitter(settings.jitter())
                .scheduler(timer)
                .onRetryExhaustedThrow((s, signal) -> signal.failure());
    }
}
