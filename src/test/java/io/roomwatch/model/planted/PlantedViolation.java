package io.roomwatch.model.planted;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Breaks the layering on purpose, so {@code ArchitectureTest} can show that its rules catch violations. */
public final class PlantedViolation {

    private PlantedViolation() {}

    public static Instant wallClock() {
        System.out.println("printing");
        return Mono.fromCallable(Instant::now).block();
    }
}
