package io.roomwatch.poll;

import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Observation;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** For benchmarks in another package: the engine's batch diff, as the engine runs it (no flap damping). */
public final class BenchAccess {

    private BenchAccess() {}

    /** The state and held answers after one batch. */
    public record Diffed(AppState next, HeldAnswers held, int events) {}

    public static Diffed diff(AppState state, HeldAnswers held, List<Observation> batch, AttributionMode mode) {
        Batch b = Batch.diff(state, held, batch, new Batch.Rules(1, mode, Duration.ofMinutes(2), Set.of(), false));
        return new Diffed(b.next(), b.held(), b.events().size());
    }
}
