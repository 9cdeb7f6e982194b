package io.roomwatch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;

class AdminServerTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean ready = new AtomicBoolean();
    private DisposableServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server =
                AdminServer.create("127.0.0.1", 0, registry, ready::get).start().block(Duration.ofSeconds(5));
        client = HttpClient.create().baseUrl("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private String get(String path, int expectedStatus) {
        return client.get()
                .uri(path)
                .responseSingle((res, body) -> {
                    assertThat(res.status().code()).as(path).isEqualTo(expectedStatus);
                    return body.asString().defaultIfEmpty("");
                })
                .block(Duration.ofSeconds(5));
    }

    @Test
    void metrics_thenPrometheusTextWithOurMeters() {
        registry.counter("roomwatch.events", "type", "UserJoined", "provider", "volcengine")
                .increment(3);

        assertThat(get("/metrics", 200))
                .contains("roomwatch_events_total{provider=\"volcengine\",type=\"UserJoined\"} 3.0");
    }

    @Test
    void readiness_followsTheSupplier_whileLivenessIsAlwaysUp() {
        assertThat(get("/health/live", 200)).contains("UP");
        assertThat(get("/health/ready", 503)).contains("DOWN");
        ready.set(true);
        assertThat(get("/health/ready", 200)).contains("UP");
        get("/nope", 404);
    }
}
