package io.roomwatch.emulator.callback;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    Mono<Void> deliver(Delivery delivery) {
        Mono<Void> first = Mono.defer(() -> attempt(delivery, 1, clock.now(MILLISECONDS)));
        return delivery.delayMillis() == 0
                ? first
                : Mono.delay(Duration.ofMillis(delivery.delayMillis()), clock).then(first);
    }

    private Mono<Void> attempt(Delivery delivery, int attempt, long firstAttemptAt) {
        return post(delivery).flatMap(status -> settle(delivery, attempt, firstAttemptAt, status));
    }

    private Mono<Void> settle(Delivery delivery, int attempt, long firstAttemptAt, int status) {
        count(delivery, status);
        if (status == 200) {
            return Mono.empty();
        }
        long now = clock.now(MILLISECONDS);
        long wait = delivery.retries().nextDelayMillis(attempt, firstAttemptAt, now);
        if (wait == RetrySchedule.STOP) {
            if (!delivery.forged()) {
                counters.givenUp.increment();
                log.info(
                        "callback {} of change {} given up after {} attempts (last: {})",
                        delivery.command(),
                        delivery.change().seq(),
                        attempt,
                        status == NO_ANSWER ? "no answer" : "HTTP " + status);
            }
            return Mono.empty();
        }
        Mono<Void> next = Mono.defer(() -> attempt(delivery, attempt + 1, firstAttemptAt));
        long dueAt = now + wait;
        // due at an instant, not after a span: the clock may move between this answer and the subscription
        return wait == 0 ? next : Mono.defer(() -> waitUntil(dueAt)).then(next);
    }

    private Mono<Long> waitUntil(long dueAt) {
        return Mono.delay(Duration.ofMillis(Math.max(0, dueAt - clock.now(MILLISECONDS))), clock);
    }

    /** The answer's status, or {@link #NO_ANSWER} (connection error, or none within 5 s on the emulator clock). */
    private Mono<Integer> post(Delivery delivery) {
        return Mono.defer(() -> {
                    counters.sent.increment();
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

    private void count(Delivery delivery, int status) {
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
