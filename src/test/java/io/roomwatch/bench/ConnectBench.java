package io.roomwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomwatch.config.DeliveryMode;
import io.roomwatch.testing.ChildProcesses;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events/s through Kafka Connect vs. the standalone sink, same broker, same run, same workload: {@link EmitterBench}'s
 * pre-diffed batches (200 member lists, 2 000 events and 200 state records each), exactly-once, one transaction per
 * batch. Standalone: {@link EmitterBench#measure} ({@code KafkaEventSink}). Connect: one distributed worker in a child
 * JVM ({@code exactly.once.source.support=enabled}, the worker's producer defaults) running {@code
 * io.roomwatch.connect.BenchSourceConnector}, roomwatch's Connect delivery path fed with the same batches; it times the
 * first batch handed over to the last one reported committed and logs the figure. Each side gets an untimed warm-up
 * run first (100 batches), then three interleaved repetitions; the medians are compared. Not measured here: the
 * engine and the vendors (figures 2 to 4), apps per worker ({@link ConnectAppsBench}).
 */
final class ConnectBench {

    private static final Pattern RESULT = Pattern.compile("BENCH-RESULT events=(\\d+) batches=(\\d+)"
            + " seconds=([\\d.]+) eventsPerSecond=(\\d+) transactional=(\\w+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ConnectBench() {}

    static void run(BenchContext ctx) throws Exception {
        int rooms = ctx.full() ? 4_000 : 400;
        int batches = ctx.full() ? 150 : 10;
        String bootstrap = ctx.bootstrap();

        // warm-ups as long as the emitter benchmark's, then interleaved repetitions, medians: a single repetition
        // varies by +-15 % on two shared cores, and the first one after start is the slowest on either side
        EmitterBench.measure(ctx, "warm-up", DeliveryMode.EXACTLY_ONCE, rooms, ctx.full() ? 100 : 2, 200);
        int reps = ctx.full() ? 3 : 1;

        Path dir = Files.createTempDirectory("roomwatch-connect-bench");
        Process worker = null;
        try {
            int port = freePort();
            Path log = dir.resolve("worker.log");
            worker = startWorker(dir, bootstrap, port, log, ctx.unique("bench-connect"));
            awaitRest(worker, port, log, Duration.ofSeconds(120));
            createConnector(port, ctx.unique("warm"), bootstrap, rooms, ctx.full() ? 100 : 2, ctx);
            awaitResults(worker, log, 1, Duration.ofMinutes(5));
            List<Double> standaloneRates = new ArrayList<>();
            List<Double> connectRates = new ArrayList<>();
            List<String> connectLines = new ArrayList<>();
            for (int rep = 0; rep < reps; rep++) {
                EmitterBench.Run run = EmitterBench.measure(
                        ctx, "standalone exactly-once", DeliveryMode.EXACTLY_ONCE, rooms, batches, 200);
                standaloneRates.add(run.eventsPerSecond());
                createConnector(port, ctx.unique("measured"), bootstrap, rooms, batches, ctx);
                Matcher measured = awaitResults(worker, log, 2 + rep, Duration.ofMinutes(10));
                connectRates.add(Double.parseDouble(measured.group(4)));
                connectLines.add(measured.group(0));
            }
            double connectRate = median(connectRates);
            double standaloneRate = median(standaloneRates);
            double ratio = connectRate / standaloneRate;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("workload", rooms + " rooms, " + batches + " batches of 200 member lists");
            d.put("repetitions (median reported)", reps);
            d.put("standalone events/s", standaloneRates);
            d.put("connect events/s", connectRates);
            d.put("connect", connectLines);
            d.put(
                    "connect worker",
                    "1 ConnectDistributed worker, child JVM -Xmx512m, exactly.once.source.support=enabled,"
                            + " transaction.boundary=connector, the worker's producer defaults");
            System.out.printf(
                    "connect: %.0f events/s through Connect vs %.0f standalone: %.2f%n",
                    connectRate, standaloneRate, ratio);
            ctx.results()
                    .add(
                            "connect.ratio",
                            "Events/s through Kafka Connect / standalone sink (exactly-once, same broker and batches)",
                            "-",
                            Results.f("%.2f (%.0f vs %.0f events/s)", ratio, connectRate, standaloneRate),
                            null,
                            d);
        } finally {
            if (worker != null) {
                worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static Process startWorker(Path dir, String bootstrap, int port, Path log, String group) throws IOException {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", group);
        props.put("listeners", "http://127.0.0.1:" + port);
        props.put("config.storage.topic", group + "-configs");
        props.put("offset.storage.topic", group + "-offsets");
        props.put("status.storage.topic", group + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("exactly.once.source.support", "enabled");
        props.put("plugin.discovery", "service_load");
        Path file = dir.resolve("worker.properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "Connect worker of ConnectBench");
        }
        Path logback = dir.resolve("logback.xml");
        Files.writeString(
                logback,
                """
                <configuration>
                    <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
                    </appender>
                    <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return ChildProcesses.start(new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-Xmx512m",
                        "-Dlogback.configurationFile=" + logback,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.apache.kafka.connect.cli.ConnectDistributed",
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
    }

    private static void createConnector(
            int port, String name, String bootstrap, int rooms, int batches, BenchContext ctx) throws Exception {
        Map<String, String> config = connector("io.roomwatch.connect.BenchSourceConnector", 1);
        config.put("bench.bootstrap", bootstrap);
        config.put("bench.rooms", String.valueOf(rooms));
        config.put("bench.batches", String.valueOf(batches));
        config.put("bench.perBatch", "200");
        config.put("bench.events.topic", ctx.unique("connect-events"));
        config.put("bench.state.topic", ctx.unique("connect-state"));
        putConnector(port, name, config);
    }

    /** A connector's exactly-once settings with roomwatch's converters; the caller adds its own keys. */
    static Map<String, String> connector(String connectorClass, int tasks) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "io.roomwatch.connect.RoomwatchConverter");
        config.put("transaction.boundary", "connector");
        config.put("exactly.once.support", "required");
        return config;
    }

    /** PUT /connectors/{name}/config, retried while the worker's group is still forming (409), up to 60 s. */
    static void putConnector(int port, String name, Map<String, String> config) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectors/" + name + "/config"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "connector " + name + " not accepted: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(1_000); // real time on purpose: a benchmark waits for a real worker
        }
    }

    static void awaitRest(Process worker, int port, Path log, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!worker.isAlive()) {
                throw new IllegalStateException("the Connect worker exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> root = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (root.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            worker.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the Connect worker serves no REST within " + max);
    }

    /** Waits until the worker logged {@code count} results; returns the last. */
    private static Matcher awaitResults(Process worker, Path log, int count, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> line.contains("BENCH-RESULT"))
                    .toList();
            if (lines.size() >= count) {
                Matcher m = RESULT.matcher(lines.get(count - 1));
                if (!m.find()) {
                    throw new IllegalStateException("unreadable result: " + lines.get(count - 1));
                }
                return m;
            }
            if (!worker.isAlive() || lines.isEmpty() && Files.readString(log).contains("unrecoverable exception")) {
                throw new IllegalStateException("the bench task failed:\n" + Files.readString(log));
            }
            worker.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("no result within " + max + "; worker log:\n" + Files.readString(log));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
