package io.roomwatch.bench;

import io.roomwatch.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What every benchmark of one run shares: the size (smoke or full), the results, one embedded Kafka broker (started
 * on first use) and where the chart goes.
 */
public final class BenchContext implements AutoCloseable {

    private final boolean full;
    private final Results results;
    private final Path chartDir;
    private final AtomicInteger names = new AtomicInteger();
    private @Nullable EmbeddedKafka kafka;
    private @Nullable String bootstrap;

    public BenchContext(boolean full, Path outDir, Path chartDir) {
        this.full = full;
        this.results = new Results(outDir, full ? "full" : "smoke");
        this.chartDir = chartDir;
    }

    /** Full-size run (documented command) rather than the seconds-long smoke run CI makes. */
    public boolean full() {
        return full;
    }

    public Results results() {
        return results;
    }

    public Path chartDir() {
        return chartDir;
    }

    /** The shared broker's bootstrap servers, starting it on first use. */
    public synchronized String bootstrap() {
        if (bootstrap == null) {
            kafka = EmbeddedKafka.create();
            long t0 = System.nanoTime();
            bootstrap = kafka.start();
            System.out.printf(
                    "embedded Kafka broker at %s, started in %.1f s%n", bootstrap, (System.nanoTime() - t0) / 1e9);
        }
        return bootstrap;
    }

    /** A name not used before in this run (topics, transactional ids). */
    public String unique(String prefix) {
        return prefix + "-" + names.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.kill(); // nothing to keep: no need for a controlled shutdown
            deleteRecursively(kafka.dataDir());
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
