package io.roomwatch.emulator.callback;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Makes the attempts of one delivery: its delay, then POST, then the vendor's retries until an HTTP 200 or the
 * schedule ends. Every wait and the 5 s answer limit run on the emulator clock.
 */
final class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    /** Volcengine: "HTTP 200 within 5 s" (https://volcengine.com/docs/6348/69820); TRTC states 5 s as well. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static final int NO_ANSWER = -1;

    private final HttpClient http;
    private final Scheduler clock;
    private final Counters counters;

    Deliverer(HttpClient http, Scheduler clock, Counters counters) {
        this.http = http.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
        this.clock = clock;
        this.counters = counters;
    }

    /** Completes when the delivery succeeded or was given up; never errors. */
    Mono<Void> deliver(OutgoingCallback delivery) {
        Mono<Void> first = Mono.defer(() -> attempt(delivery, 1, clock.now(MILLISECONDS), () -> {}));
        return delivery.delayMillis() == 0
                ? first
                : Mono.delay(Duration.ofMillis(delivery.delayMillis()), clock).then(first);
    }

    /**
     * @param settlePrevious counts the previous attempt's outcome once this one is on the wire, so that an observer
     *     never sees {@code sent == settled()} between a failed attempt and its immediate retry
     */
    private Mono<Void> attempt(OutgoingCallback delivery, int attempt, long firstAttemptAt, Runnable settlePrevious) {
        return post(delivery, settlePrevious).flatMap(status -> next(delivery, attempt, firstAttemptAt, status));
    }

    private Mono<Void> next(OutgoingCallback delivery, int attempt, long firstAttemptAt, int status) {
        Runnable settle = () -> count(delivery, status);
        long now = clock.now(MILLISECONDS);
        long wait =
                status == 200 ? RetrySchedule.STOP : delivery.retries().nextDelayMillis(attempt, firstAttemptAt, now);
        if (wait == RetrySchedule.STOP) {
            settle.run();
            if (status != 200 && !delivery.forged()) {
                givenUp(delivery, attempt, status);
            }
            return Mono.empty();
        }
        if (wait == 0) {
            return attempt(delivery, attempt + 1, firstAttemptAt, settle);
        }
        return timer(now + wait, settle)
                .then(Mono.defer(() -> attempt(delivery, attempt + 1, firstAttemptAt, () -> {})));
    }

    /**
     * Completes at {@code dueAt} on the clock (an instant, not a span: the clock may move before the subscription),
     * and counts the failed attempt only once the timer is set, so that {@code sent == settled()} implies the retry is
     * scheduled.
     */
    private Mono<Void> timer(long dueAt, Runnable settle) {
        return Mono.create(sink -> {
            Disposable task = clock.schedule(sink::success, Math.max(0, dueAt - clock.now(MILLISECONDS)), MILLISECONDS);
            sink.onDispose(task);
            settle.run();
        });
    }

    private void givenUp(OutgoingCallback delivery, int attempts, int lastStatus) {
        counters.givenUp.increment();
        log.info(
                "callback {} of change {} given up after {} attempts (last: {})",
                delivery.command(),
                delivery.change().seq(),
                attempts,
                lastStatus == NO_ANSWER ? "no answer" : "HTTP " + lastStatus);
    }

    /** The answer's status, or {@link #NO_ANSWER} (connection error, or none within 5 s on the emulator clock). */
    private Mono<Integer> post(OutgoingCallback delivery, Runnable settlePrevious) {
        return Mono.defer(() -> {
                    counters.sent.increment();
                    settlePrevious.run();
                    String uri = delivery.url() + delivery.query().apply(clock.now(SECONDS)); // signed per attempt
                    return http.post()
                            .uri(uri)
                            .send(ByteBufFlux.fromString(
                                    Mono.just(delivery.body()), StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT))
                            .responseSingle((response, content) -> content.asByteArray()
                                    .then(Mono.just(response.status().code())));
                })
                .timeout(ANSWER_WITHIN, clock)
                .onErrorResume(
                        error -> { // the vendor only sees "no 200": it retries, whatever went wrong
                            log.debug(
                                    "callback {} to {} failed: {}",
                                    delivery.command(),
                                    delivery.url(),
                                    error.toString());
                            return Mono.just(NO_ANSWER);
                        });
    }

    private void count(OutgoingCallback delivery, int status) {
        if (delivery.forged()) {
            (status == 200 ? counters.forgedAccepted : counters.forgedRejected).increment();
        } else if (status == 200) {
            counters.delivered.increment();
        } else if (status == NO_ANSWER) {
            counters.failed.increment();
        } else {
            counters.rejected.increment();
        }
    }
}
