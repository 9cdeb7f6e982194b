package io.roomwatch.callback.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.roomwatch.callback.CallbackSource;
import io.roomwatch.callback.Delivery;
import io.roomwatch.config.CallbacksConfig;
import io.roomwatch.config.Secret;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The vendor callback receiver: {@code POST /callbacks/<provider>/<appId>} (for example {@code
 * /callbacks/tencent-live/1400000001}), one path per app, on its own port ({@code callbacks.host}/{@code port}).
 *
 * <p><b>Durability</b>: a verified callback becomes a {@link Delivery} for the app's engine; the vendor is answered
 * with success only once what it caused is committed to Kafka or known to change nothing. If that takes longer than
 * {@code callbacks.ackTimeout} (Kafka down, the engine behind), or the app's queue of {@code callbacks.queue}
 * deliveries is full, the answer is HTTP 503, so the vendor retries (Volcengine twice, Tencent for a minute) and its
 * retries cover roomwatch's outages; what they still miss, polling finds. A retry that arrives after its first
 * delivery was committed changes nothing: callbacks are observations, diffed like poll answers.
 *
 * <p><b>Rejections</b> (never an observation): a wrong or missing signature, a Tencent {@code RequestTime} outside
 * {@code callbacks.replayWindow} (401), another app's callback or an unknown path (404), a body over {@code
 * callbacks.maxBody} (413), a body not in the vendor's format (400). Each is counted and logged in one line that
 * names the app and the field, never a secret.
 *
 * <p>Meters: {@code roomwatch.callbacks} ({@code provider}, {@code app}, {@code outcome}: accepted, ignored,
 * malformed, bad-signature, unknown-app, too-large, overloaded, not-committed).
 *
 * <p>Threads: handlers run on Reactor Netty's event loops and never block; the wait for the commit is a timer on the
 * injected scheduler. Lazy: nothing is bound before {@link #start()}.
 */
public final class CallbackServer implements CallbackSource {

    private static final Logger log = LoggerFactory.getLogger(CallbackServer.class);
    private static final String TENCENT_OK = "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0}";

    private final CallbacksConfig config;
    private final Map<AppKey, Secret> secrets;
    private final Map<AppKey, Intake> intakes = new HashMap<>();
    private final Scheduler timer;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong receipts = new AtomicLong();

    private CallbackServer(
            CallbacksConfig config, Map<AppKey, Secret> secrets, Scheduler timer, MeterRegistry registry) {
        this.config = config;
        this.secrets = Map.copyOf(secrets);
        this.timer = timer;
        this.registry = registry;
        this.secrets.keySet().forEach(app -> intakes.put(app, new Intake(config.queue())));
    }

    /**
     * A receiver for these apps, each with its callback key (Volcengine) or token (Tencent).
     *
     * @param timer receipt times and the ack timeout come from here
     */
    public static CallbackServer create(
            CallbacksConfig config, Map<AppKey, Secret> secrets, Scheduler timer, MeterRegistry registry) {
        return new CallbackServer(
                Objects.requireNonNull(config, "config"),
                secrets,
                Objects.requireNonNull(timer, "timer"),
                Objects.requireNonNull(registry, "registry"));
    }

    /** Binds the server. Lazy; the caller disposes the returned server on shutdown. */
    public Mono<? extends DisposableServer> start() {
        return HttpServer.create()
                .host(config.host())
                .port(config.port())
                .route(routes -> routes.post("/callbacks/{provider}/{appId}", this::handle))
                .bind();
    }

    @Override
    public Flux<Delivery> deliveries(AppKey app) {
        Intake intake = intakes.get(app);
        return intake == null ? Flux.never() : intake.sink.asFlux();
    }

    /** The path a vendor posts {@code app}'s callbacks to. */
    public static String path(AppKey app) {
        return "/callbacks/" + app.provider().id() + "/" + app.appId();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        AppKey app;
        try {
            app = AppKey.of(Provider.fromId(request.param("provider")), request.param("appId"));
        } catch (IllegalArgumentException e) {
            return reject(response, null, CallbackRejected.unknownApp("callback to unknown path " + request.path()));
        }
        Secret secret = secrets.get(app);
        if (secret == null) {
            return reject(
                    response, app, CallbackRejected.unknownApp(app + ": this instance takes no callbacks for it"));
        }
        String length = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBody()) {
            return reject(response, app, tooLarge(app));
        }
        return body(request, app)
                .flatMap(bytes -> Mono.fromCallable(() -> read(app, secret, request, bytes)))
                .flatMap(read -> accept(app, read, response))
                .onErrorResume(CallbackRejected.class, e -> Mono.from(reject(response, app, e)));
    }

    private Mono<byte[]> body(HttpServerRequest request, AppKey app) {
        return request.receive()
                .asByteArray()
                .reduce(new ByteArrayOutputStream(), (out, chunk) -> {
                    if (out.size() + (long) chunk.length > config.maxBody()) {
                        throw tooLarge(app);
                    }
                    out.writeBytes(chunk);
                    return out;
                })
                .map(ByteArrayOutputStream::toByteArray);
    }

    private Read read(AppKey app, Secret secret, HttpServerRequest request, byte[] body) {
        Instant now = Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
        if (app.provider() == Provider.VOLCENGINE) {
            return VolcengineCallbacks.read(app, secret, body, now, receipts::incrementAndGet);
        }
        Map<String, String> query = new HashMap<>();
        new QueryStringDecoder(request.uri())
                .parameters()
                .forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        return TencentCallbacks.read(app, secret, query, body, now, config.replayWindow(), receipts::incrementAndGet);
    }

    private Mono<Void> accept(AppKey app, Read read, HttpServerResponse response) {
        if (read.pushes().isEmpty()) {
            count(app, "ignored");
            return ok(app, response);
        }
        Delivery delivery = new Delivery(app, read.pushes());
        if (!intakes.get(app).offer(delivery)) {
            count(app, "overloaded");
            log.warn("{}: {} callbacks waiting, the vendor is told to retry", app, config.queue());
            return fail(response, HttpResponseStatus.SERVICE_UNAVAILABLE, "busy, retry");
        }
        return delivery.outcome()
                .timeout(config.ackTimeout(), timer)
                .then(Mono.defer(() -> {
                    count(app, "accepted");
                    return ok(app, response);
                }))
                .onErrorResume(e -> {
                    count(app, "not-committed");
                    log.debug("{}: callback {} not committed in time: {}", app, read.kind(), e.toString());
                    return fail(response, HttpResponseStatus.SERVICE_UNAVAILABLE, "not committed yet, retry");
                });
    }

    private Mono<Void> ok(AppKey app, HttpServerResponse response) {
        String body = app.provider() == Provider.VOLCENGINE ? "{}" : TENCENT_OK;
        return json(response, HttpResponseStatus.OK, body);
    }

    /** The vendor must retry, or the callback is refused: one body for every vendor (Tencent reads it, others ignore it). */
    private static Mono<Void> fail(HttpServerResponse response, HttpResponseStatus status, String why) {
        String body = "{\"ActionStatus\":\"FAIL\",\"ErrorInfo\":\"" + why + "\",\"ErrorCode\":" + status.code() + "}";
        return json(response, status, body);
    }

    private Publisher<Void> reject(
            HttpServerResponse response, @org.jspecify.annotations.Nullable AppKey app, CallbackRejected e) {
        count(app, e.outcome());
        log.warn("callback rejected ({}): {}", e.status(), e.getMessage());
        return fail(response, HttpResponseStatus.valueOf(e.status()), e.outcome());
    }

    private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, String body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendString(Mono.just(body), StandardCharsets.UTF_8)
                .then();
    }

    private CallbackRejected tooLarge(AppKey app) {
        return CallbackRejected.tooLarge(app + ": callback body over callbacks.maxBody (" + config.maxBody() + " B)");
    }

    private void count(@org.jspecify.annotations.Nullable AppKey app, String outcome) {
        String provider = app == null ? "unknown" : app.provider().id();
        String appId = app == null ? "unknown" : app.appId();
        counters.computeIfAbsent(provider + "/" + appId + "/" + outcome, k -> Counter.builder("roomwatch.callbacks")
                        .description("Vendor callbacks received, by outcome")
                        .tags(List.of(
                                io.micrometer.core.instrument.Tag.of("provider", provider),
                                io.micrometer.core.instrument.Tag.of("app", appId),
                                io.micrometer.core.instrument.Tag.of("outcome", outcome)))
                        .register(registry))
                .increment();
    }

    /** One app's deliveries not yet taken by its engine: bounded, emitted from any event loop thread. */
    private static final class Intake {

        private final Sinks.Many<Delivery> sink;

        Intake(int capacity) {
            this.sink = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(capacity));
        }

        /** Whether the delivery was queued; false when the queue is full (or the engine is gone). */
        synchronized boolean offer(Delivery delivery) {
            return sink.tryEmitNext(delivery).isSuccess();
        }
    }
}
