package io.roomwatch.emulator;

import io.roomwatch.emulator.http.Faults;
import io.roomwatch.emulator.http.Gate;
import io.roomwatch.emulator.http.RequestIds;
import io.roomwatch.emulator.world.World;
import reactor.core.scheduler.Scheduler;

/** The shared collaborators of the vendor endpoints, built once per emulator. */
record Services(Scheduler clock, World world, Faults faults, Gate gate, RequestIds ids) {

    static Services create(EmulatorConfig config, Scheduler clock) {
        long historyMillis = config.staleness().volcengineDataDelayMillis() + 60_000;
        long retentionMillis = config.limits().lookBackDays() * 24L * 3600 * 1000;
        World world = World.create(clock, config.changeLogCapacity(), historyMillis, retentionMillis);
        Faults faults = new Faults();
        Gate gate = Gate.create(config.rateLimits(), clock, faults);
        return new Services(clock, world, faults, gate, new RequestIds(clock));
    }
}
