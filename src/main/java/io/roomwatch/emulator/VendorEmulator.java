package io.roomwatch.emulator;

import io.roomwatch.emulator.control.ControlApi;
import io.roomwatch.emulator.http.EmulatorHttp;
import io.roomwatch.emulator.scenario.ScenarioRunner;
import io.roomwatch.emulator.tencent.TencentEndpoint;
import io.roomwatch.emulator.volcengine.VolcengineEndpoint;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServer;

/**
 * The vendor emulator: one Reactor Netty HTTP server answering Volcengine RTC OpenAPI, TUILiveKit and TUIRoomKit
 * REST for every configured app at once, plus the control API under {@code /__emulator/}.
 *
 * <p>{@code clock} is the emulator's only source of time: signature skew, rate-limit windows, data delays,
 * incarnations, change timestamps, SLOW faults and scenario ticks all read it. Pass a
 * {@code VirtualTimeScheduler} in tests (HTTP still runs on real Netty threads) or {@code Schedulers.parallel()}.
 *
 * <p>With {@link EmulatorConfig#callbacks()} pointing at a target ({@link CallbackOptions#to(String)}), the started
 * emulator also pushes every true change as the vendor's callback (webhook), signed, with the configured faults; see
 * {@link RunningEmulator#callbackCounts()}.
 *
 * <pre>{@code
 * VendorEmulator.create(EmulatorConfig.demo(), clock).start()
 *         .flatMap(emulator -> callTheVendor(emulator.baseUrl()).then(emulator.stop()))
 * }</pre>
 */
public final class VendorEmulator {

    private final EmulatorConfig config;
    private final Scheduler clock;

    private VendorEmulator(EmulatorConfig config, Scheduler clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Prepares an emulator; nothing is bound until {@link #start()} is subscribed. */
    public static VendorEmulator create(EmulatorConfig config, Scheduler clock) {
        return new VendorEmulator(config, clock);
    }

    /**
     * Lazily binds the server to {@code config.host():config.port()} and emits the running handle once listening.
     * Each subscription binds a new server with a fresh world. Signals on a Netty thread; errors with the bind
     * failure (e.g. port in use).
     */
    public Mono<RunningEmulator> start() {
        return Mono.defer(() -> {
            Services services = Services.create(config, clock);
            ScenarioRunner scenarios = new ScenarioRunner(services.world(), clock);
            CallbackSwitch callbacks = new CallbackSwitch();
            Routes routes = new Routes(
                    new VolcengineEndpoint(config, services.world(), services.gate(), services.ids(), clock),
                    new TencentEndpoint(config, services.world(), services.gate(), services.ids(), clock),
                    new ControlApi(services.world(), services.faults(), scenarios, callbacks::counts),
                    config.basePath());
            EmulatorHttp http = new EmulatorHttp(routes, clock);
            return HttpServer.create()
                    .host(config.host())
                    .port(config.port())
                    .handle(http::handle)
                    .bind()
                    .map(server -> {
                        // only once listening: a bind failure must leave no sender behind
                        callbacks.startIfOn(services.world(), config, clock);
                        return new RunningEmulator(server, services, scenarios, callbacks, config.basePath());
                    });
        });
    }
}
