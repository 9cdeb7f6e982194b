package io.roomwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.roomwatch.broker.EmbeddedKafka;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.kafka.KafkaEventTail;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.testing.ChildProcesses;
import io.roomwatch.testing.EventReplay;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;

/**
 * roomwatch as a Kafka Connect source connector on a real Connect cluster: two distributed workers
 * ({@code ConnectDistributed}, each in its own JVM on the test class path) with {@code
 * exactly.once.source.support=enabled}, on the embedded broker, the emulator churning for all three vendors. The
 * connector runs three apps in three tasks; once they run, the worker holding task 0 is killed (SIGKILL: its open
 * transactions are left behind), and its tasks restart on the other worker, restoring their apps' state from the
 * state topic. When the churn stops and roomwatch caught up, a read_committed consumer must see no duplicate event
 * id, every value valid against the event contract's JSON Schema with the CloudEvents headers, and a replay equal to
 * the emulator's truth for every app.
 *
 * <p>Every wait is bounded; the workers are killed at the end whatever happens ({@link ChildProcesses}).
 */
@ExtendWith(ChildProcesses.class)
class ConnectFailoverIT {

    private static final int CONFERENCE_ROOMS = 40;
    private static final String CONNECTOR = "roomwatch";
    private static final Map<Vendor, String> PROVIDER_IDS = Map.of(
            Vendor.VOLCENGINE,
            "volcengine",
            Vendor.TENCENT_LIVE,
            "tencent-live",
            Vendor.TENCENT_ROOM,
            "tencent-conference");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aWorkerKilledMidRun_itsTasksMoveAndRestore_noDuplicateAndReplayEqualsTruth() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.create(dir.resolve("kafka"));
        RunningEmulator emulator = null;
        List<Worker> workers = new ArrayList<>();
        try {
            String bootstrap = kafka.start();
            emulator = VendorEmulator.create(
                            EmulatorConfig.demo().withPort(0).withStaleness(Staleness.none()), Schedulers.parallel())
                    .start()
                    .block(Duration.ofSeconds(30));
            emulator.startScenario(
                    ScenarioConfig.read(Path.of("src", "test", "resources", "app", "fast-scenario.yaml")));

            Worker first = Worker.start(dir, "worker-1", bootstrap, null);
            workers.add(first);
            Worker second = Worker.start(dir, "worker-2", bootstrap, packagedPlugin());
            workers.add(second);
            first.awaitRest(Duration.ofSeconds(90));
            second.awaitRest(Duration.ofSeconds(90));
            assertValidationThroughTheWorker(first, yaml(bootstrap, emulator.baseUrl()));
            putConnector(first, connectorConfig(yaml(bootstrap, emulator.baseUrl())));
            Map<Integer, String> placed = awaitTasksRunning(first, 3, null, Duration.ofSeconds(120));

            first.run(Duration.ofSeconds(8)); // roomwatch commits batches on both workers under churn
            Worker victim = placed.get(0).endsWith(":" + first.port) ? first : second;
            Worker survivor = victim == first ? second : first;
            long killedAt = System.nanoTime();
            victim.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: transactions left open
            Map<Integer, String> moved = awaitTasksRunning(survivor, 3, survivor, Duration.ofSeconds(120));
            Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(moved.values()).allSatisfy(worker -> assertThat(worker).endsWith(":" + survivor.port));

            survivor.run(Duration.ofSeconds(6)); // more churn, now all on the survivor
            emulator.stopScenario();
            Map<String, Map<String, Set<String>>> truth = truth(emulator);
            List<KafkaEventTail.Tailed> tailed = awaitConvergence(bootstrap, truth, Duration.ofSeconds(90));
            List<PresenceEvent> events = tailed.stream()
                    .map(KafkaEventTail.Tailed::event)
                    .filter(e -> e != null)
                    .toList();

            assertThat(tailed).as("every value is a roomwatch event").allSatisfy(t -> assertThat(t.error())
                    .isEmpty());
            assertThat(events.stream().map(PresenceEvent::eventId).distinct().count())
                    .as("no duplicate eventId")
                    .isEqualTo(events.size());
            assertThat(EventReplay.byApp(events))
                    .as("replay equals the emulator's truth")
                    .isEqualTo(truth);
            assertThat(events).as("the churn produced a real stream").hasSizeGreaterThan(50);
            JsonSchema schema = schema();
            assertThat(tailed).allSatisfy(t -> assertThat(schema.validate(JSON.readTree(t.json())))
                    .as("contract: %s", t.json())
                    .isEmpty());
            assertCloudEventsHeaders(bootstrap);
            assertThat(status(survivor).path("connector").path("state").asText())
                    .isEqualTo("RUNNING");
            // every app ran on the survivor in the end: the moved ones restored their state there from the state topic
            assertThat(restoredApps(survivor.fullLog()))
                    .as("apps restored on the survivor; its log:%n%s", survivor.logText())
                    .containsExactlyInAnyOrder(
                            "volcengine/" + EmulatorConfig.DEMO_VOLCENGINE_APP,
                            "tencent-live/" + EmulatorConfig.DEMO_SDK_APP_ID,
                            "tencent-conference/" + EmulatorConfig.DEMO_SDK_APP_ID);
            System.out.printf(
                    "ConnectFailoverIT: %d events, %d apps; tasks %s before the kill (worker-2 on %d, %s); all RUNNING"
                            + " on the survivor %d s after it%n",
                    events.size(),
                    truth.size(),
                    placed,
                    second.port,
                    packagedPlugin() == null ? "test class path" : "packaged plugin",
                    failover.toSeconds());
        } finally {
            if (emulator != null) {
                emulator.stop().block(Duration.ofSeconds(10));
            }
            for (Worker worker : workers) {
                worker.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            kafka.close();
        }
    }

    /** A Connect worker in its own JVM, on the test class path (the connector is found there by ServiceLoader). */
    private record Worker(Process process, int port, Path log) {

        /**
         * @param plugins a {@code plugin.path} holding the packaged plugin, which the worker then loads in its own class
         *     loader (roomwatch's classes left off the class path); null: roomwatch from the test class path
         */
        static Worker start(Path dir, String name, String bootstrap, Path plugins) throws IOException {
            int port = freePort();
            Properties props = new Properties();
            props.put("bootstrap.servers", bootstrap);
            props.put("group.id", "roomwatch-connect-it");
            props.put("listeners", "http://127.0.0.1:" + port);
            props.put("rest.advertised.host.name", "127.0.0.1");
            props.put("rest.advertised.port", String.valueOf(port));
            props.put("config.storage.topic", "connect-configs");
            props.put("offset.storage.topic", "connect-offsets");
            props.put("status.storage.topic", "connect-status");
            props.put("config.storage.replication.factor", "1");
            props.put("offset.storage.replication.factor", "1");
            props.put("status.storage.replication.factor", "1");
            props.put("offset.storage.partitions", "3");
            props.put("status.storage.partitions", "1");
            props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("exactly.once.source.support", "enabled");
            // a lost worker's tasks move after this delay (default 5 min: far too long for a test)
            props.put("scheduled.rebalance.max.delay.ms", "3000");
            props.put("session.timeout.ms", "6000");
            props.put("heartbeat.interval.ms", "1000");
            props.put("offset.flush.interval.ms", "1000");
            props.put("plugin.discovery", "service_load"); // no reflective scan of the whole test class path
            props.put("task.shutdown.graceful.timeout.ms", "5000");
            String classPath = System.getProperty("java.class.path");
            if (plugins != null) {
                props.put("plugin.path", plugins.toAbsolutePath().toString());
                classPath = Arrays.stream(classPath.split(File.pathSeparator))
                        .filter(entry -> !entry.endsWith("classes")) // target/classes, target/test-classes
                        .collect(Collectors.joining(File.pathSeparator));
            }
            Path file = dir.resolve(name + ".properties");
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "Connect worker of ConnectFailoverIT");
            }
            Path logFile = dir.resolve(name + ".log");
            Path logback = dir.resolve(name + "-logback.xml");
            Files.writeString(
                    logback,
                    """
                    <configuration>
                        <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
                        </appender>
                        <logger name="io.roomwatch" level="INFO"/>
                        <logger name="org.apache.kafka.connect.runtime.Worker" level="INFO"/>
                        <logger name="org.apache.kafka.connect.runtime.distributed.DistributedHerder" level="INFO"/>
                        <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            Process process = ChildProcesses.start(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-XX:+UseSerialGC",
                            "-Dlogback.configurationFile=" + logback,
                            "-cp",
                            classPath,
                            "org.apache.kafka.connect.cli.ConnectDistributed",
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()));
            return new Worker(process, port, logFile);
        }

        /** Lets the worker run for {@code time}, failing if it exits meanwhile. */
        void run(Duration time) throws InterruptedException {
            assertThat(process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS))
                    .as("worker on %d exited; its log:%n%s", port, logText())
                    .isFalse();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String fullLog() throws IOException {
            return Files.readString(log);
        }

        String logText() {
            try {
                String text = Files.readString(log);
                return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        void awaitRest(Duration max) throws Exception {
            long deadline = System.nanoTime() + max.toNanos();
            while (true) {
                assertThat(process.isAlive())
                        .as("worker on %d exited; its log:%n%s", port, logText())
                        .isTrue();
                try {
                    HttpResponse<String> root = HTTP.send(
                            HttpRequest.newBuilder(uri("/"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (root.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                assertThat(System.nanoTime() < deadline)
                        .as("worker on %d serves REST within %s; its log:%n%s", port, max, logText())
                        .isTrue();
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The apps ({@code provider/appId}) that logged {@code <app>: restored} in {@code log}. */
    private static Set<String> restoredApps(String log) {
        return log.lines()
                .filter(line -> line.contains(": restored "))
                .map(line -> line.substring(line.indexOf(" - ") + 3, line.indexOf(": restored ")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The plugin folder {@code mvn package} builds ({@code target/roomwatch-connect-plugin/}), if there is one: then the
     * second worker runs roomwatch from it, as a real worker would. Without it (an IDE run), both use the class path.
     */
    private static Path packagedPlugin() {
        Path folder = Path.of("target", "roomwatch-connect-plugin");
        return Files.isDirectory(folder.resolve("roomwatch-connect-plugin").resolve("lib")) ? folder : null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> connectorConfig(String yaml) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", RoomwatchSourceConnector.class.getName());
        config.put("tasks.max", "3");
        config.put("roomwatch.config", yaml);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", RoomwatchConverter.class.getName());
        config.put("transaction.boundary", "connector");
        config.put("exactly.once.support", "required");
        return config;
    }

    /** PUT /connectors/roomwatch/config; retried while the cluster is still forming (409, 5xx), up to 60 s. */
    private static void putConnector(Worker worker, Map<String, String> config) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = JSON.writeValueAsString(config);
        while (true) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(worker.uri("/connectors/" + CONNECTOR + "/config"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                return;
            }
            assertThat(response.statusCode() == 409 || response.statusCode() >= 500)
                    .as("connector accepted: %d %s", response.statusCode(), response.body())
                    .isTrue();
            assertThat(System.nanoTime() < deadline)
                    .as("connector accepted within 60 s: %d %s", response.statusCode(), response.body())
                    .isTrue();
            worker.process.waitFor(1, TimeUnit.SECONDS);
        }
    }

    /**
     * The worker's validation endpoint reports roomwatch's problems one message each, on the key to fix: here an
     * empty appId in the YAML and a missing key converter.
     */
    private static void assertValidationThroughTheWorker(Worker worker, String yaml) throws Exception {
        Map<String, String> bad =
                connectorConfig(yaml.replace("appId: " + EmulatorConfig.DEMO_VOLCENGINE_APP, "appId: \"\""));
        bad.remove("key.converter");
        bad.put("name", CONNECTOR); // the worker requires it when validating
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(worker.uri(
                                "/connector-plugins/" + RoomwatchSourceConnector.class.getName() + "/config/validate"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(bad)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, List<String>> errors = new TreeMap<>();
        for (JsonNode config : JSON.readTree(response.body()).path("configs")) {
            List<String> messages = new ArrayList<>();
            config.path("value").path("errors").forEach(m -> messages.add(m.asText()));
            if (!messages.isEmpty()) {
                errors.put(config.path("value").path("name").asText(), messages);
            }
        }
        assertThat(errors).as(response.body()).containsOnlyKeys("roomwatch.config", "key.converter");
        assertThat(errors.get("roomwatch.config")).doesNotHaveDuplicates().anySatisfy(message -> assertThat(message)
                .contains("appId"));
        assertThat(errors.get("key.converter")).singleElement().asString().contains("StringConverter");
    }

    private static JsonNode status(Worker worker) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(worker.uri("/connectors/" + CONNECTOR + "/status"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    /**
     * Waits until {@code tasks} tasks are RUNNING (on {@code on} only, if given); fails at once on a FAILED task, with
     * its trace. Returns task id to worker id.
     */
    private static Map<Integer, String> awaitTasksRunning(Worker worker, int tasks, Worker on, Duration max)
            throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode last = JSON.createObjectNode();
        while (System.nanoTime() < deadline) {
            last = status(worker);
            Map<Integer, String> running = new TreeMap<>();
            for (JsonNode task : last.path("tasks")) {
                assertThat(task.path("state").asText())
                        .as("task %s: %s%nworker log:%n%s", task.path("id"), task.path("trace"), worker.logText())
                        .isNotEqualTo("FAILED");
                if (task.path("state").asText().equals("RUNNING")
                        && (on == null || task.path("worker_id").asText().endsWith(":" + on.port))) {
                    running.put(task.path("id").asInt(), task.path("worker_id").asText());
                }
            }
            if (running.size() == tasks && last.path("tasks").size() == tasks) {
                return running;
            }
            worker.process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError(
                "tasks not all running within " + max + ": " + last + "\nworker log:\n" + worker.logText());
    }

    /** Reads everything committed until the replay equals the truth, or the deadline passes. */
    private static List<KafkaEventTail.Tailed> awaitConvergence(
            String bootstrap, Map<String, Map<String, Set<String>>> truth, Duration max) {
        List<KafkaEventTail.Tailed> tailed = new ArrayList<>();
        KafkaEventTail.create(KafkaSinkConfig.defaults(bootstrap), true)
                .events()
                .doOnNext(tailed::add)
                .takeUntil(t -> EventReplay.byApp(events(tailed)).equals(truth))
                .take(max)
                .blockLast(max.plusSeconds(10));
        return tailed;
    }

    private static List<PresenceEvent> events(List<KafkaEventTail.Tailed> tailed) {
        return tailed.stream()
                .map(KafkaEventTail.Tailed::event)
                .filter(e -> e != null)
                .toList();
    }

    /** The first records of the events topic carry the CloudEvents headers, ce_id equal to the eventId. */
    private static void assertCloudEventsHeaders(String bootstrap) throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-it-headers");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("roomwatch.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < 20 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        assertThat(records).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode value = JSON.readTree(record.value());
            assertThat(header(record, "ce_id")).isEqualTo(value.path("eventId").asText());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(record.key())
                    .isEqualTo(value.path("provider").asText() + "/"
                            + value.path("appId").asText() + "/"
                            + value.path("roomId").asText());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "(missing)" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = ConnectFailoverIT.class.getResourceAsStream("/schema/roomwatch-event-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        }
    }

    private static Map<String, Map<String, Set<String>>> truth(RunningEmulator emulator) {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        for (TrueRoom room : emulator.world().rooms()) {
            if (room.key().vendor() == Vendor.TENCENT_ROOM
                    && IntStream.rangeClosed(1, CONFERENCE_ROOMS)
                            .noneMatch(i -> room.key().roomId().equals("room-" + i))) {
                continue; // conference rooms are known only by configuration
            }
            String app =
                    PROVIDER_IDS.get(room.key().vendor()) + "/" + room.key().app();
            Set<String> members =
                    room.members().stream().map(MemberState::userId).collect(Collectors.toCollection(TreeSet::new));
            out.computeIfAbsent(app, k -> new TreeMap<>()).put(room.key().roomId() + "#" + room.incarnation(), members);
        }
        return out;
    }

    /** The same three apps as CrashRecoveryIT, against the emulator. */
    private static String yaml(String bootstrap, String emulatorUrl) {
        String rooms = IntStream.rangeClosed(1, CONFERENCE_ROOMS)
                .mapToObj(i -> "room-" + i)
                .collect(Collectors.joining(", "));
        return String.join(
                "\n",
                "kafka:",
                "  bootstrapServers: " + bootstrap,
                "apps:",
                "  - provider: volcengine",
                "    appId: " + EmulatorConfig.DEMO_VOLCENGINE_APP,
                "    accessKeyId: " + EmulatorConfig.DEMO_ACCESS_KEY_ID,
                "    secretAccessKey: " + EmulatorConfig.DEMO_SECRET_ACCESS_KEY,
                "    baseUrl: " + emulatorUrl,
                "    dataDelay: 0s",
                "    poll: { sweepInterval: 2s }",
                "  - provider: tencent-live",
                "    sdkAppId: \"" + EmulatorConfig.DEMO_SDK_APP_ID + "\"",
                "    administrator: " + EmulatorConfig.DEMO_ADMINISTRATOR,
                "    secretKey: " + EmulatorConfig.DEMO_TENCENT_KEY,
                "    baseUrl: " + emulatorUrl,
                "    memberRefresh: 0s",
                "    poll: { sweepInterval: 2s }",
                "  - provider: tencent-conference",
                "    sdkAppId: \"" + EmulatorConfig.DEMO_SDK_APP_ID + "\"",
                "    administrator: " + EmulatorConfig.DEMO_ADMINISTRATOR,
                "    secretKey: " + EmulatorConfig.DEMO_TENCENT_KEY,
                "    baseUrl: " + emulatorUrl,
                "    rooms: [" + rooms + "]",
                "    poll: { sweepInterval: 2s }",
                "");
    }
}
