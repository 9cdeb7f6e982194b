package io.roomwatch.config;

/**
 * Where the admin endpoint ({@code /metrics}, {@code /health/live}, {@code /health/ready}) listens.
 *
 * @param host the address to bind; default {@code 127.0.0.1} (use {@code 0.0.0.0} in a container so that probes and
 *     Prometheus can reach it)
 * @param port the TCP port; default 9400, 0 to 65535 (0 picks a free port)
 */
public record AdminConfig(String host, int port) {

    /** The default port. */
    public static final int DEFAULT_PORT = 9400;

    public AdminConfig {
        Checks.requireText(host, "host");
        Checks.requireRange(port, 0, 65_535, "port");
    }

    /** {@code 127.0.0.1:9400}. */
    public static AdminConfig defaults() {
        return new AdminConfig("127.0.0.1", DEFAULT_PORT);
    }

    public AdminConfig withPort(int value) {
        return new AdminConfig(host, value);
    }
}
