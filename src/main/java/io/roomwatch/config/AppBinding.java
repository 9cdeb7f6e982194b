package io.roomwatch.config;

import io.roomwatch.model.Provider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Binds one entry of {@code apps} to an {@link AppConfig}; the transport, retry and poll sections are shared. */
final class AppBinding {

    private static final Map<String, Provider> PROVIDERS = providers();

    private AppBinding() {}

    /** The app, or {@code null} after adding problems; {@code raw} is located at {@code apps[i]}. */
    static @Nullable AppConfig bind(Section raw) {
        if (!raw.has("provider")) {
            raw.problems()
                    .add(raw.where("provider"), "missing (required: volcengine, tencent-live or tencent-conference)");
            raw.checkKeys(Schema.ANY_APP);
            return null;
        }
        Provider provider = raw.choice("provider", PROVIDERS, null);
        if (provider == null) {
            raw.checkKeys(Schema.ANY_APP);
            return null;
        }
        Section app = raw.at(label(raw, provider));
        checkKeys(app, provider);
        SourceConfig source =
                provider == Provider.VOLCENGINE ? SourceBinding.volcengine(app) : SourceBinding.tencent(app, provider);
        PollConfig poll = poll(app.section("poll"), PollConfig.defaultsFor(provider));
        if (source == null || poll == null) {
            return null;
        }
        return new AppConfig(source, poll);
    }

    /** {@code apps[0] (volcengine/661e0000543cf)}: where problems of this app are, naming it. */
    private static String label(Section raw, Provider provider) {
        String id = raw.peek(provider == Provider.VOLCENGINE ? "appId" : "sdkAppId");
        return raw.where() + " (" + provider + (id == null || id.isBlank() ? "" : "/" + id.trim()) + ")";
    }

    private static void checkKeys(Section app, Provider provider) {
        app.checkKeys(Schema.app(provider), Schema.ANY_APP, "not a setting of " + provider + " apps");
    }

    static @Nullable HttpSettings http(Section http) {
        http.checkKeys(Schema.HTTP);
        HttpSettings d = HttpSettings.defaults();
        Duration connect = http.duration("connectTimeout", d.connectTimeout());
        Duration request = http.duration("requestTimeout", d.requestTimeout());
        long maxBody = http.bytes("maxBodyBytes", d.maxBodyBytes());
        int connections = http.integer("maxConnections", d.maxConnections());
        int body = (int) Math.min(maxBody, Integer.MAX_VALUE);
        return http.problems()
                .build(http.where(), Map.of(), () -> new HttpSettings(connect, request, body, connections));
    }

    static @Nullable RetrySettings retry(Section retry) {
        retry.checkKeys(Schema.RETRY);
        RetrySettings d = RetrySettings.defaults();
        int throttled = retry.integer("maxThrottledRetries", d.maxThrottledRetries());
        Duration throttledWait = retry.duration("throttledWait", d.throttledWait());
        int transients = retry.integer("maxTransientRetries", d.maxTransientRetries());
        Duration firstBackoff = retry.duration("firstBackoff", d.firstBackoff());
        Duration maxBackoff = retry.duration("maxBackoff", d.maxBackoff());
        double jitter = retry.decimal("jitter", d.jitter());
        return retry.problems()
                .build(
                        retry.where(),
                        Map.of(),
                        () -> new RetrySettings(
                                throttled, throttledWait, transients, firstBackoff, maxBackoff, jitter));
    }

    static @Nullable PollConfig poll(Section poll, PollConfig d) {
        poll.checkKeys(Schema.POLL);
        Duration sweepInterval = poll.duration("sweepInterval", d.sweepInterval());
        int memberConcurrency = poll.integer("memberConcurrency", d.memberConcurrency());
        Duration maxStaleness = poll.duration("maxStaleness", d.maxStaleness());
        Duration hotWindow = poll.duration("hotWindow", d.hotWindow());
        int hotWeight = poll.integer("hotWeight", d.hotWeight());
        int maxBatch = poll.integer("maxBatch", d.maxBatch());
        Duration maxBatchDelay = poll.duration("maxBatchDelay", d.maxBatchDelay());
        Duration initialLookback = poll.duration("initialLookback", d.initialLookback());
        int probeConcurrency = poll.integer("probeConcurrency", d.probeConcurrency());
        Duration commitRetryMaxBackoff = poll.duration("commitRetryMaxBackoff", d.commitRetryMaxBackoff());
        int leaveAfterMisses = poll.integer("leaveAfterMisses", d.leaveAfterMisses());
        return poll.problems()
                .build(
                        poll.where(),
                        Map.of(),
                        () -> new PollConfig(
                                sweepInterval,
                                memberConcurrency,
                                maxStaleness,
                                hotWindow,
                                hotWeight,
                                maxBatch,
                                maxBatchDelay,
                                initialLookback,
                                probeConcurrency,
                                commitRetryMaxBackoff,
                                leaveAfterMisses));
    }

    private static Map<String, Provider> providers() {
        Map<String, Provider> out = new LinkedHashMap<>();
        List.of(Provider.values()).forEach(provider -> out.put(provider.id(), provider));
        return out;
    }
}
