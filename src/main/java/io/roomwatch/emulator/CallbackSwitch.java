package io.roomwatch.emulator;

import io.roomwatch.emulator.callback.CallbackSender;
import io.roomwatch.emulator.world.World;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Holds the callback sender of one emulator, if callbacks are on: the control API reads counts through it before the
 * sender exists (it starts once the server listens). Thread-safe (volatile, started once).
 */
final class CallbackSwitch {

    private volatile @Nullable CallbackSender sender;

    void startIfOn(World world, EmulatorConfig config, Scheduler clock) {
        if (config.callbacks().enabled()) {
            sender = CallbackSender.start(world, config, clock);
        }
    }

    boolean on() {
        return sender != null;
    }

    CallbackCounts counts() {
        CallbackSender current = sender;
        return current == null ? CallbackCounts.none() : current.counts();
    }

    Mono<Void> stop() {
        CallbackSender current = sender;
        return current == null ? Mono.empty() : current.stop();
    }
}
