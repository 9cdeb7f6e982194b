package io.roomwatch.config;

import java.time.Duration;

/**
 * Transport limits of one vendor app's HTTP client.
 *
 * @param connectTimeout TCP connect timeout; default 5 s
 * @param requestTimeout the longest one attempt (connect, send, whole response) may take, after which it counts as
 *     a transient failure and is retried; default 10 s
 * @param maxBodyBytes the largest response body accepted, in bytes; a larger one fails the call with a rejection
 *     naming this setting (retrying would download it again); default 8 MiB, 1 KiB to 256 MiB
 * @param maxConnections connections kept to the vendor; default 16, 1 to 512
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes, int maxConnections) {

    public HttpSettings {
        Checks.requirePositive(connectTimeout, "connectTimeout");
        Checks.requirePositive(requestTimeout, "requestTimeout");
        Checks.requireRange(maxBodyBytes, 1024, 256 * 1024 * 1024, "maxBodyBytes");
        Checks.requireRange(maxConnections, 1, 512, "maxConnections");
    }

    /** 5 s connect, 10 s per attempt, 8 MiB bodies, 16 connections. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 8 * 1024 * 1024, 16);
    }

    public HttpSettings withRequestTimeout(Duration value) {
        return new HttpSettings(connectTimeout, value, maxBodyBytes, maxConnections);
    }

    public HttpSettings withMaxBodyBytes(int value) {
        return new HttpSettings(connectTimeout, requestTimeout, value, maxConnections);
    }
}
