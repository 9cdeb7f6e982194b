package io.roomwatch.config;

import io.roomwatch.model.AppKey;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The whole configuration of one roomwatch instance: where events go, where the admin endpoint listens, how it logs,
 * and the apps it watches. Usually read from a YAML file with {@link ConfigLoader}; see {@code docs/configuration.md}
 * for the file format. Its {@link #toString()} and {@link #summary()} never contain a secret.
 *
 * @param kafka the Kafka sink (brokers, topics, delivery mode, client properties)
 * @param admin the admin endpoint; default {@link AdminConfig#defaults()}
 * @param log logging; default {@link LogConfig#defaults()}
 * @param callbacks the vendor callback receiver; default off ({@link CallbacksConfig#defaults()})
 * @param apps the watched apps; at least one, each {@code provider/appId} at most once
 */
public record RoomwatchConfig(
        KafkaSinkConfig kafka,
        AdminConfig admin,
        LogConfig log,
        CallbacksConfig callbacks,
        @Setting(
                        missing = "at least one app to watch",
                        doc = "At least one. Every app has `provider` and that provider's keys below, and the optional"
                                + " sections `http`, `retry` and `poll`. Each `provider/appId` may appear once (both"
                                + " Tencent providers may watch the same `sdkAppId`: they are different apps).")
                List<AppConfig> apps) {

    public RoomwatchConfig {
        Settings.check(RoomwatchConfig.class, kafka, admin, log, callbacks, apps);
        apps = List.copyOf(apps);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("apps must name at least one app");
        }
        if (callbacks.enabled() && apps.stream().noneMatch(app -> app.callback().enabled())) {
            throw new IllegalArgumentException(
                    "callbacks.enabled is true but no app has a callback.secret: set one per app that pushes");
        }
        Set<AppKey> seen = new HashSet<>();
        for (AppConfig app : apps) {
            if (!seen.add(app.app())) {
                throw new IllegalArgumentException("apps must not name " + app.app() + " twice");
            }
        }
    }

    /** These apps delivered to {@code kafka}, without callbacks. */
    public RoomwatchConfig(KafkaSinkConfig kafka, AdminConfig admin, LogConfig log, List<AppConfig> apps) {
        this(kafka, admin, log, CallbacksConfig.defaults(), apps);
    }

    /** These apps delivered to {@code kafka}, with the default admin endpoint and logging. */
    public static RoomwatchConfig of(KafkaSinkConfig kafka, List<AppConfig> apps) {
        return new RoomwatchConfig(kafka, AdminConfig.defaults(), LogConfig.defaults(), apps);
    }

    public RoomwatchConfig withCallbacks(CallbacksConfig value) {
        return Settings.with(this, "callbacks", value);
    }

    public RoomwatchConfig withAdmin(AdminConfig value) {
        return Settings.with(this, "admin", value);
    }

    /**
     * A few lines saying what this configuration watches and where it delivers, for {@code roomwatch validate} and the
     * start-up log. Contains no credentials and no client property values.
     */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("kafka: ")
                .append(kafka.bootstrapServers())
                .append(", ")
                .append(kafka.deliveryMode().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(", events -> ")
                .append(kafka.eventsTopic())
                .append(kafka.routes().isEmpty() ? "" : " (+" + kafka.routes().size() + " routes)")
                .append(", state -> ")
                .append(kafka.stateTopic())
                .append('\n');
        out.append("admin: ")
                .append(admin.host())
                .append(':')
                .append(admin.port())
                .append(", log format ")
                .append(log.format().name().toLowerCase(Locale.ROOT))
                .append('\n');
        if (callbacks.enabled()) {
            out.append("callbacks: ")
                    .append(callbacks.host())
                    .append(':')
                    .append(callbacks.port())
                    .append('\n');
        }
        out.append(apps.size()).append(apps.size() == 1 ? " app:" : " apps:");
        for (AppConfig app : apps) {
            out.append("\n  ").append(app.app()).append(": ").append(describe(app.source()));
            out.append(", sweep every ").append(Durations.format(app.poll().sweepInterval()));
            if (callbacks.enabled() && app.callback().enabled()) {
                out.append(", callbacks at /callbacks/").append(app.app());
            }
        }
        return out.toString();
    }

    private static String describe(SourceConfig source) {
        if (source instanceof VolcengineSource volc) {
            return "region " + volc.region() + ", " + volc.baseUrl();
        }
        if (source instanceof TencentLiveSource live) {
            return endpoint(live.account());
        }
        TencentConferenceSource conference = (TencentConferenceSource) source;
        int rooms = conference.roomIds().size();
        return endpoint(conference.account()) + ", " + rooms + (rooms == 1 ? " room" : " rooms");
    }

    private static String endpoint(TencentAccount account) {
        return account.baseUrl() == null ? "region " + account.region() : String.valueOf(account.baseUrl());
    }
}
