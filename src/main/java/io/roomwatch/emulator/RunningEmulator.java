package io.roomwatch.emulator;

import io.roomwatch.emulator.http.Faults;
import io.roomwatch.emulator.scenario.ScenarioEngine;
import io.roomwatch.emulator.scenario.ScenarioRunner;
import io.roomwatch.emulator.world.World;
import java.util.Locale;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

/**
 * A started emulator: where it listens, its ground truth, its fault switchboard and its scenario. Thread-safe.
 * Stop it with {@link #stop()} (tests: in {@code @AfterEach}).
 */
public final class RunningEmulator {

    private final DisposableServer server;
    private final Services services;
    private final ScenarioRunner scenarios;
    private final CallbackSwitch callbacks;
    private final String basePath;

    RunningEmulator(
            DisposableServer server,
            Services services,
            ScenarioRunner scenarios,
            CallbackSwitch callbacks,
            String basePath) {
        this.server = server;
        this.services = services;
        this.scenarios = scenarios;
        this.callbacks = callbacks;
        this.basePath = basePath;
    }

    /** The bound TCP port (the real one when the config asked for 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>} (the configured host). */
    public String baseUrl() {
        return String.format(Locale.ROOT, "http://%s:%d", server.host(), server.port());
    }

    /**
     * Where the vendor APIs are: {@link #baseUrl()} plus {@link EmulatorConfig#basePath()} (the same as {@link
     * #baseUrl()} without one). Point clients here; the control API stays under {@link #baseUrl()}.
     */
    public String vendorBaseUrl() {
        return baseUrl() + basePath;
    }

    /** The ground truth, for in-JVM drivers and assertions. */
    public World world() {
        return services.world();
    }

    /** Calls of {@code api} (all apps) the rate limiter served and throttled since the start (benchmarks, tests). */
    public CallCounts calls(Api api) {
        return services.gate().counts(api);
    }

    /** The fault switchboard. */
    public Faults faults() {
        return services.faults();
    }

    /**
     * Starts playing {@code scenario} on the emulator clock (replacing any scenario playing); returns its engine.
     * The first tick comes one {@code tickMillis} from now.
     */
    public ScenarioEngine startScenario(ScenarioConfig scenario) {
        return scenarios.start(scenario);
    }

    /** Stops the scenario, if one plays. */
    public void stopScenario() {
        scenarios.stop();
    }

    /**
     * What the callback sender did so far (all zero when {@link EmulatorConfig#callbacks()} is off); also served as
     * {@code GET /__emulator/callbacks}. Thread-safe.
     */
    public CallbackCounts callbackCounts() {
        return callbacks.counts();
    }

    /** Whether this emulator pushes vendor callbacks ({@link CallbackOptions#enabled()}). */
    public boolean callbacksOn() {
        return callbacks.on();
    }

    /**
     * Lazily stops the scenario, the callback sender (cancelling deliveries under way) and the server; completes once
     * the server's channel and the sender's connections are closed.
     */
    public Mono<Void> stop() {
        return Mono.defer(() -> {
            scenarios.stop();
            server.dispose();
            return Mono.when(callbacks.stop(), server.onDispose());
        });
    }

    /** Completes when the server has been stopped, by {@link #stop()} or otherwise. */
    public Mono<Void> onStop() {
        return server.onDispose();
    }
}
