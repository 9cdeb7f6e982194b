package io.roomwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark in its smallest configuration, one broker for all, so they keep working. Asserts only that each
 * produces its figures: targets are proven by the documented full runs, not here.
 */
@Tag("slow")
@Timeout(240)
class BenchSmokeIT {

    @Test
    void givenSmokeSizes_whenRunningEveryBenchmark_thenEachWritesItsFigures(@TempDir Path out) throws Exception {
        try (BenchContext ctx = new BenchContext(false, out, out.resolve("chart"))) {
            LinkedHashSet<String> all = new LinkedHashSet<>(Bench.ALL);
            // ConnectBench starts a Connect worker (30-80 s here): it would not fit this test's timeout, and
            // ConnectFailoverIT already runs the Connect delivery path on every verify
            all.remove("connect");
            all.remove("connect-apps");
            Bench.run(ctx, all);

            assertThat(ctx.results().rows())
                    .extracting(Results.Row::id)
                    .contains(
                            "memory.perMember",
                            "diff.membersPerSecond",
                            "restore.seconds",
                            "emitter.ratio",
                            "rate.live_get_member_list",
                            "latency.skewed.gain",
                            "history.stateAfterDays",
                            "attribution.volcengine",
                            "cost.tuilivekit.n20");
            assertThat(ctx.results().rows())
                    .allSatisfy(row -> assertThat(row.measured()).doesNotContain("NaN"));
        }
        assertThat(out.resolve("results.json")).exists();
        assertThat(Files.readString(out.resolve("results.md"))).contains("Emitter throughput");
        assertThat(out.resolve("latency.png")).exists();
    }
}
