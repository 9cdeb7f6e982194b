package io.roomwatch.config;

import java.util.Map;

/**
 * Where the admin endpoint ({@code /metrics}, {@code /health/live}, {@code /health/ready}) listens. Each setting is
 * declared on its component ({@link Setting}); {@code docs/configuration.md} lists them.
 */
public record AdminConfig(
        @Setting(
                        value = "127.0.0.1",
                        doc = "The address to bind; `0.0.0.0` in a container, so that probes and Prometheus reach it.")
                String host,
        @Setting(value = "9400", min = "0", max = "65535", doc = "The TCP port; 0 picks a free one.") int port) {

    public AdminConfig {
        Settings.check(AdminConfig.class, host, port);
    }

    /** {@code 127.0.0.1:9400}. */
    public static AdminConfig defaults() {
        return Settings.of(AdminConfig.class).build(Map.of(), Map.of());
    }

    public AdminConfig withPort(int value) {
        return Settings.with(this, "port", value);
    }
}
