package io.roomwatch.emulator.scenario;

import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.world.World;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Owns the one scenario a running emulator may play. The emulator is a server, so unlike our poller it subscribes
 * here itself: the control API must be able to start and stop scenarios. Thread-safe (synchronized).
 */
public final class ScenarioRunner {

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

    private final World world;
    private final Scheduler clock;
    private @Nullable Disposable running;

    /** A runner playing on {@code world}, ticking on {@code clock}. */
    public ScenarioRunner(World world, Scheduler clock) {
        this.world = world;
        this.clock = clock;
    }

    /** Stops the current scenario, if any, and starts {@code config}'s first tick one period from now. */
    public synchronized ScenarioEngine start(ScenarioConfig config) {
        stop();
        ScenarioEngine engine = ScenarioEngine.create(world, config);
        running = engine.run(clock).subscribe(tick -> {}, error -> log.warn("scenario stopped by an error", error));
        log.info(
                "scenario started: seed {}, tick {} ms, {} apps",
                config.seed(),
                config.tickMillis(),
                config.apps().size());
        return engine;
    }

    /** Stops the scenario, if one plays. */
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    /** Whether a scenario plays. */
    public synchronized boolean running() {
        return running != null && !running.isDisposed();
    }
}
