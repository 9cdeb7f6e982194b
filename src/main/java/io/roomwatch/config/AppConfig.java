package io.roomwatch.config;

import io.roomwatch.model.AppKey;

/**
 * One watched app: the vendor source (which API, credentials, budgets, transport) and how the engine polls it. In the
 * file, the source's keys are the app's own, {@code provider} says which source it is, and {@code poll} is a section.
 *
 * @param source the vendor app: a {@link VolcengineSource}, {@link TencentLiveSource} or {@link
 *     TencentConferenceSource}
 * @param poll the engine's schedule for this app; default {@link PollConfig#defaultsFor}
 * @param callback how the app's vendor callbacks are authenticated; default none (the app is only polled)
 */
public record AppConfig(
        @Setting(doc = "Which vendor API the app is on; it decides the app's other keys.") SourceConfig source,
        PollConfig poll,
        AppCallbacks callback) {

    public AppConfig {
        Settings.check(AppConfig.class, source, poll, callback);
    }

    /** This source with this schedule, taking no callbacks. */
    public AppConfig(SourceConfig source, PollConfig poll) {
        this(source, poll, AppCallbacks.none());
    }

    /** This app, taking callbacks as {@code value} says. */
    public AppConfig withCallback(AppCallbacks value) {
        return new AppConfig(source, poll, value);
    }

    /** This source, polled with the default schedule of its provider. */
    public static AppConfig of(SourceConfig source) {
        return new AppConfig(source, PollConfig.defaultsFor(source.app().provider()));
    }

    /** The app's key ({@code provider/appId}), as in events, metrics and the transactional id. */
    public AppKey app() {
        return source.app();
    }
}
