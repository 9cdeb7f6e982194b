package io.roomwatch.emulator.scenario;

import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.world.World;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Drives a {@link World} through a {@link ScenarioConfig}: rooms appear and end, users join, leave and flap,
 * ViewCounts move. Deterministic: one {@link SplittableRandom} per scenario, split once per app in file order,
 * and every time stamp from the world's clock, so the same seed on the same clock gives the same change log.
 *
 * <p>Not thread-safe itself: run one {@link #tick()} at a time (as {@link #run(Scheduler)} does). The world it
 * writes to is thread-safe, so the control API may change it meanwhile.
 */
public final class ScenarioEngine {

    private final ScenarioConfig config;
    private final List<AppDriver> drivers;

    private ScenarioEngine(ScenarioConfig config, List<AppDriver> drivers) {
        this.config = config;
        this.drivers = drivers;
    }

    /** An engine for {@code config} writing to {@code world}; nothing happens until {@link #tick()} or run. */
    public static ScenarioEngine create(World world, ScenarioConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        List<AppDriver> drivers = config.apps().stream()
                .map(load -> new AppDriver(world, load, random.split(), config.tickMillis()))
                .toList();
        return new ScenarioEngine(config, drivers);
    }

    /** One simulation step at the world's current time. Synchronous. */
    public void tick() {
        drivers.forEach(AppDriver::tick);
    }

    /**
     * Lazily ticks every {@code tickMillis} on {@code clock} (first tick one period after subscription), emitting the
     * tick number after each step. Never completes; cancel to stop. Ticks run on the clock's worker (the test
     * thread for a {@code VirtualTimeScheduler}); late ticks are dropped, never queued.
     */
    public Flux<Long> run(Scheduler clock) {
        return Flux.interval(Duration.ofMillis(config.tickMillis()), clock)
                .onBackpressureDrop()
                .doOnNext(tick -> tick());
    }

    /** The scenario being played. */
    public ScenarioConfig config() {
        return config;
    }
}
