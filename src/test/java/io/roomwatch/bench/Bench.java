package io.roomwatch.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmarks' command line: {@code mvn -Pbench verify -Dbench.args="..."} runs this with the test class path.
 *
 * <pre>
 * Bench [--full] [--only emitter,rate,latency,memory,diff,restore,history,attribution,connect,connect-apps,cost] [--out target/bench] [--chart docs/bench]
 * </pre>
 *
 * Without {@code --full}, each benchmark runs its seconds-long smoke size. Every figure is printed as a {@code
 * RESULT} line and merged into {@code target/bench/results.json} and {@code results.md}; the latency benchmark draws
 * {@code docs/bench/latency.png} in a full run (the smoke run draws into the output folder).
 */
public final class Bench {

    public static final List<String> ALL = List.of(
            "memory",
            "diff",
            "restore",
            "emitter",
            "rate",
            "latency",
            "history",
            "attribution",
            "connect",
            "connect-apps",
            "cost");

    private Bench() {}

    public static void main(String[] args) throws Exception {
        boolean full = false;
        Set<String> only = new LinkedHashSet<>(ALL);
        Path out = Paths.get("target", "bench");
        Path chart = Paths.get("docs", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> full = true;
                case "--only" -> only = new LinkedHashSet<>(
                        Arrays.asList(args[++i].toLowerCase(Locale.ROOT).split(",")));
                case "--out" -> out = Paths.get(args[++i]);
                case "--chart" -> chart = Paths.get(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        only.removeIf(String::isBlank);
        if (!ALL.containsAll(only)) {
            throw new IllegalArgumentException("--only takes some of " + ALL + ", was " + only);
        }
        try (BenchContext ctx = new BenchContext(full, out, chart)) {
            run(ctx, only);
        }
        System.exit(0); // non-daemon threads of clients and pools must not keep the JVM alive
    }

    /** Runs the named benchmarks in a fixed order, then writes the results. */
    public static void run(BenchContext ctx, Set<String> only) throws Exception {
        System.out.println("machine at start: " + Results.machine());
        for (String name : ALL) {
            if (!only.contains(name)) {
                continue;
            }
            long t0 = System.nanoTime();
            System.out.println("=== " + name + (ctx.full() ? " (full)" : " (smoke)") + ", load "
                    + Results.machine().get("loadAverage"));
            switch (name) {
                case "memory" -> MemoryBench.run(ctx);
                case "diff" -> DiffBench.run(ctx);
                case "restore" -> RestoreBench.run(ctx);
                case "emitter" -> EmitterBench.run(ctx);
                case "rate" -> RateBudgetBench.run(ctx);
                case "latency" -> LatencyBench.run(ctx);
                case "history" -> HistoryBench.run(ctx);
                case "attribution" -> AttributionBench.run(ctx);
                case "connect" -> ConnectBench.run(ctx);
                case "connect-apps" -> ConnectAppsBench.run(ctx);
                case "cost" -> CostBench.run(ctx);
                default -> throw new IllegalStateException(name);
            }
            System.out.printf(Locale.ROOT, "=== %s done in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        }
        System.out.println("machine at end: " + Results.machine());
        ctx.results().write();
    }
}
