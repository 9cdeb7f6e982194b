package io.roomwatch.emulator;

import java.util.List;

/**
 * Everything the emulator needs besides its clock. Immutable: derive variants with the {@code withX} methods.
 *
 * @param host address to bind, default {@code 127.0.0.1}
 * @param port TCP port, 0 = any free port (tests)
 * @param volcengineApps Volcengine apps with their access keys
 * @param tencentApps Tencent SDKAppIDs with keys and administrators (each serves TUILiveKit and TUIRoomKit)
 * @param rateLimits per API and app, default {@link RateLimits#documented()}
 * @param throttle how throttled calls are answered, default {@link ThrottleReply#defaults()}
 * @param staleness vendor data delays, default {@link Staleness#documented()}
 * @param tolerance options for UNCONFIRMED vendor facts, default {@link Tolerance#defaults()}
 * @param limits paging and retention limits, default {@link Limits#defaults()}
 * @param changeLogCapacity changes kept in the ground-truth log before the oldest are dropped, default 100 000
 * @param basePath a path prefix the vendor APIs are served under only, as behind a gateway (e.g. {@code /tim-gw}:
 *     Tencent at {@code /tim-gw/v4/...}, Volcengine at {@code /tim-gw}); {@code ""} (default) for none. The control
 *     API stays at {@code /__emulator/}
 * @param callbacks whether and how vendor callbacks are pushed, default {@link CallbackOptions#off()}
 */
public record EmulatorConfig(
        String host,
        int port,
        List<VolcengineApp> volcengineApps,
        List<TencentApp> tencentApps,
        RateLimits rateLimits,
        ThrottleReply throttle,
        Staleness staleness,
        Tolerance tolerance,
        Limits limits,
        int changeLogCapacity,
        String basePath,
        CallbackOptions callbacks) {

    /** Volcengine demo app id, AK and SK of {@link #demo()}. */
    public static final String DEMO_VOLCENGINE_APP = "demo-volc-app";

    public static final String DEMO_ACCESS_KEY_ID = "AKLTdemoaccesskey";
    public static final String DEMO_SECRET_ACCESS_KEY = "demo-secret-access-key";
    /** Tencent demo SDKAppID, key and administrator of {@link #demo()}. */
    public static final long DEMO_SDK_APP_ID = 1400000001L;

    public static final String DEMO_TENCENT_KEY = "demo-tencent-secret-key";
    public static final String DEMO_ADMINISTRATOR = "administrator";
    /** Volcengine callback key every app signs callbacks with unless {@link CallbackOptions} names another. */
    public static final String DEMO_VOLCENGINE_CALLBACK_KEY = "demo-volc-callback-key";
    /** Tencent callback token every SDKAppID signs callbacks with unless {@link CallbackOptions} names another. */
    public static final String DEMO_TENCENT_CALLBACK_TOKEN = "demo-tencent-callback-token";

    public EmulatorConfig {
        ArgumentChecks.notBlank(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        volcengineApps = List.copyOf(volcengineApps);
        tencentApps = List.copyOf(tencentApps);
        ArgumentChecks.positive(changeLogCapacity, "changeLogCapacity");
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("?"))) {
            throw new IllegalArgumentException(
                    "basePath must be empty or like /tim-gw (a leading, no trailing slash), was " + basePath);
        }
    }

    /** The configuration without callbacks (the shape before they existed). */
    public EmulatorConfig(
            String host,
            int port,
            List<VolcengineApp> volcengineApps,
            List<TencentApp> tencentApps,
            RateLimits rateLimits,
            ThrottleReply throttle,
            Staleness staleness,
            Tolerance tolerance,
            Limits limits,
            int changeLogCapacity,
            String basePath) {
        this(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                CallbackOptions.off());
    }

    /** Loopback, port 0, the given apps, every other option at its default. */
    public static EmulatorConfig of(List<VolcengineApp> volcengineApps, List<TencentApp> tencentApps) {
        return new EmulatorConfig(
                "127.0.0.1",
                0,
                volcengineApps,
                tencentApps,
                RateLimits.documented(),
                ThrottleReply.defaults(),
                Staleness.documented(),
                Tolerance.defaults(),
                Limits.defaults(),
                100_000,
                "",
                CallbackOptions.off());
    }

    /** One demo app per vendor with the well-known demo credentials above (never use them for anything real). */
    public static EmulatorConfig demo() {
        return of(
                List.of(VolcengineApp.of(DEMO_VOLCENGINE_APP, DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY)),
                List.of(TencentApp.of(DEMO_SDK_APP_ID, DEMO_TENCENT_KEY, DEMO_ADMINISTRATOR)));
    }

    public EmulatorConfig withHost(String host) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withPort(int port) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withRateLimits(RateLimits rateLimits) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withThrottle(ThrottleReply throttle) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withStaleness(Staleness staleness) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withTolerance(Tolerance tolerance) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withLimits(Limits limits) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    public EmulatorConfig withChangeLogCapacity(int capacity) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                capacity,
                basePath,
                callbacks);
    }

    /** A copy serving the vendor APIs under {@code basePath} only (e.g. {@code /tim-gw}); {@code ""} for none. */
    public EmulatorConfig withBasePath(String basePath) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }

    /** A copy pushing vendor callbacks as {@code callbacks} says ({@link CallbackOptions#off()}: none). */
    public EmulatorConfig withCallbacks(CallbackOptions callbacks) {
        return new EmulatorConfig(
                host,
                port,
                volcengineApps,
                tencentApps,
                rateLimits,
                throttle,
                staleness,
                tolerance,
                limits,
                changeLogCapacity,
                basePath,
                callbacks);
    }
}
