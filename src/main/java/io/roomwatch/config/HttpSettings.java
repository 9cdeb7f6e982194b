package io.roomwatch.config;

import java.time.Duration;
import java.util.Map;

/**
 * Transport limits of one vendor app's HTTP client. Each setting is declared on its component ({@link Setting});
 * {@code docs/configuration.md} lists them.
 */
public record HttpSettings(
        @Setting(value = "5s", min = ">0", doc = "TCP connect timeout.") Duration connectTimeout,
        @Setting(
                        value = "10s",
                        min = ">0",
                        doc = "The longest one attempt (connect, send, whole response) may take; then it counts as a"
                                + " transient failure and is retried.")
                Duration requestTimeout,
        @Setting(
                        value = "8MiB",
                        min = "1KiB",
                        max = "256MiB",
                        bytes = true,
                        doc = "The largest response body accepted; a larger one fails the call with a rejection naming"
                                + " this setting.")
                int maxBodyBytes,
        @Setting(value = "16", min = "1", max = "512", doc = "Connections kept to the vendor.") int maxConnections) {

    public HttpSettings {
        Settings.check(HttpSettings.class, connectTimeout, requestTimeout, maxBodyBytes, maxConnections);
    }

    /** 5 s connect, 10 s per attempt, 8 MiB bodies, 16 connections. */
    public static HttpSettings defaults() {
        return Settings.of(HttpSettings.class).build(Map.of(), Map.of());
    }

    public HttpSettings withRequestTimeout(Duration value) {
        return Settings.with(this, "requestTimeout", value);
    }

    public HttpSettings withMaxBodyBytes(int value) {
        return Settings.with(this, "maxBodyBytes", value);
    }
}
