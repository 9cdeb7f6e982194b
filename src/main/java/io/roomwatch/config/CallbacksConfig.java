package io.roomwatch.config;

import java.time.Duration;
import java.util.Map;

/**
 * The callback receiver ({@code docs/callbacks.md}): vendors push room and member changes to it, and polling
 * reconciles what they miss. One HTTP listener for every app; an app takes part when it has a {@code callback.secret}
 * ({@link AppCallbacks}). Each setting is declared on its component ({@link Setting}).
 */
public record CallbacksConfig(
        @Setting(
                        value = "false",
                        doc = "Whether to receive vendor callbacks; apps without `callback.secret` are only polled.")
                boolean enabled,
        @Setting(
                        value = "127.0.0.1",
                        doc = "The address to bind; vendors reach it through your gateway or load balancer, so"
                                + " `0.0.0.0` only behind one.")
                String host,
        @Setting(value = "9401", min = "0", max = "65535", doc = "The TCP port; 0 picks a free one.") int port,
        @Setting(
                        value = "4s",
                        min = ">0",
                        max = "1m",
                        doc = "How long a callback waits for what it caused to be committed before the vendor is told"
                                + " to retry (HTTP 503). Below the vendors' own timeout: Volcengine 5 s.")
                Duration ackTimeout,
        @Setting(
                        value = "5m",
                        min = ">0",
                        max = "1h",
                        doc = "Tencent callbacks whose signed `RequestTime` is further than this from roomwatch's clock"
                                + " are rejected as replays (the vendor documents no window).")
                Duration replayWindow,
        @Setting(
                        value = "64KiB",
                        bytes = true,
                        min = "1KiB",
                        max = "16MiB",
                        doc = "The largest callback body accepted; larger ones are answered 413.")
                long maxBody,
        @Setting(
                        value = "256",
                        min = "1",
                        max = "100000",
                        doc = "Callbacks of one app received and not yet committed; beyond it the vendor is told to"
                                + " retry (HTTP 503).")
                int queue) {

    public CallbacksConfig {
        Settings.check(CallbacksConfig.class, enabled, host, port, ackTimeout, replayWindow, maxBody, queue);
    }

    /** Off; when enabled, {@code 127.0.0.1:9401}. */
    public static CallbacksConfig defaults() {
        return Settings.of(CallbacksConfig.class).build(Map.of(), Map.of());
    }

    public CallbacksConfig withEnabled(boolean value) {
        return Settings.with(this, "enabled", value);
    }

    public CallbacksConfig withPort(int value) {
        return Settings.with(this, "port", value);
    }
}
