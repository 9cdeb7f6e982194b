package io.roomwatch.config;

import io.roomwatch.model.AppKey;
import java.util.Objects;

/**
 * One watched app: the vendor source (which API, credentials, budgets, transport) and how the engine polls it.
 *
 * @param source the vendor app: a {@link VolcengineSource}, {@link TencentLiveSource} or {@link
 *     TencentConferenceSource}
 * @param poll the engine's schedule for this app; default {@link PollConfig#defaults()}
 */
public record AppConfig(SourceConfig source, PollConfig poll) {

    public AppConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(poll, "poll");
    }

    /** This source, polled with the default schedule. */
    public static AppConfig of(SourceConfig source) {
        return new AppConfig(source, PollConfig.defaults());
    }

    /** The app's key ({@code provider/appId}), as in events, metrics and the transactional id. */
    public AppKey app() {
        return source.app();
    }
}
