package io.roomwatch.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Serves {@code GET /metrics} (Prometheus text format), {@code GET /health/live} (200 while the process runs) and
 * {@code GET /health/ready} (200 once every app's state is restored and Kafka answered, 503 before or when that
 * stops being true). Everything else is 404. Handlers run on Reactor Netty's event loop and never block: the scrape
 * reads Micrometer's in-memory meters.
 */
public final class AdminServer {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final String host;
    private final int port;
    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;

    private AdminServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this.host = host;
        this.port = port;
        this.registry = registry;
        this.ready = ready;
    }

    /**
     * An admin server; nothing is bound until {@link #start()}.
     *
     * @param host address to bind, {@code 127.0.0.1} unless the operator exposes it on purpose
     * @param port TCP port, 0 for any free port
     * @param ready whether roomwatch is ready to serve (read on every {@code /health/ready} request)
     */
    public static AdminServer create(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("admin port must be in [0, 65535], was " + port);
        }
        return new AdminServer(Objects.requireNonNull(host, "host"), port, registry, ready);
    }

    /** Binds the server. Lazy; the returned server is disposed by the caller on shutdown. */
    public Mono<? extends DisposableServer> start() {
        return HttpServer.create()
                .host(host)
                .port(port)
                .route(routes -> routes.get("/metrics", this::metrics)
                        .get("/health/live", (req, res) -> status(res, HttpResponseStatus.OK, "UP"))
                        .get("/health/ready", this::readiness))
                .bind();
    }

    private Publisher<Void> metrics(HttpServerRequest request, HttpServerResponse response) {
        return response.header(HttpHeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT)
                .sendString(Mono.fromCallable(registry::scrape));
    }

    private Publisher<Void> readiness(HttpServerRequest request, HttpServerResponse response) {
        boolean isReady = ready.getAsBoolean();
        return status(
                response,
                isReady ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                isReady ? "UP" : "DOWN");
    }

    private static Publisher<Void> status(HttpServerResponse response, HttpResponseStatus status, String state) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendString(Mono.just("{\"status\":\"" + state + "\"}"));
    }
}
