package io.roomwatch.app;

import io.roomwatch.config.AdminConfig;
import io.roomwatch.config.AppCallbacks;
import io.roomwatch.config.AppConfig;
import io.roomwatch.config.CallbacksConfig;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.config.PollConfig;
import io.roomwatch.config.RoomwatchConfig;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.model.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** The demo's configuration: one app per vendor, pointed at the built-in emulator with its demo credentials. */
final class DemoApps {

    /** Conference rooms have no list API: the demo watches the ids its scenario uses. */
    static final int CONFERENCE_ROOMS = 30;

    private DemoApps() {}

    /**
     * @param callbackPort where the emulator's callbacks are received (127.0.0.1), signed with its demo key and token
     */
    static RoomwatchConfig settings(String bootstrapServers, String emulatorBaseUrl, int adminPort, int callbackPort) {
        URI base = URI.create(emulatorBaseUrl);
        PollConfig poll = PollConfig.defaults().withSweepInterval(Duration.ofSeconds(5));
        TencentAccount tencent = TencentAccount.of(
                        EmulatorConfig.DEMO_SDK_APP_ID,
                        EmulatorConfig.DEMO_ADMINISTRATOR,
                        Secret.of(EmulatorConfig.DEMO_TENCENT_KEY),
                        "singapore")
                .withBaseUrl(base);
        List<String> conferenceRooms = IntStream.rangeClosed(1, CONFERENCE_ROOMS)
                .mapToObj(i -> "room-" + i)
                .toList();
        AppCallbacks volcengineCallbacks = AppCallbacks.with(Secret.of(EmulatorConfig.DEMO_VOLCENGINE_CALLBACK_KEY));
        AppCallbacks tencentCallbacks = AppCallbacks.with(Secret.of(EmulatorConfig.DEMO_TENCENT_CALLBACK_TOKEN));
        List<AppConfig> apps = List.of(
                new AppConfig(
                                VolcengineSource.of(
                                                EmulatorConfig.DEMO_VOLCENGINE_APP,
                                                EmulatorConfig.DEMO_ACCESS_KEY_ID,
                                                Secret.of(EmulatorConfig.DEMO_SECRET_ACCESS_KEY))
                                        .withBaseUrl(base),
                                poll)
                        .withCallback(volcengineCallbacks),
                new AppConfig(TencentLiveSource.of(tencent), poll).withCallback(tencentCallbacks),
                new AppConfig(
                                TencentConferenceSource.of(tencent, conferenceRooms),
                                PollConfig.defaultsFor(Provider.TENCENT_CONFERENCE)
                                        .withSweepInterval(poll.sweepInterval()))
                        .withCallback(tencentCallbacks));
        return RoomwatchConfig.of(KafkaSinkConfig.defaults(bootstrapServers), apps)
                .withAdmin(AdminConfig.defaults().withPort(adminPort))
                .withCallbacks(CallbacksConfig.defaults().withEnabled(true).withPort(callbackPort));
    }
}
