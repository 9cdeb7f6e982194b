package io.roomwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;

/**
 * roomwatch in a child JVM ({@code roomwatch run}) against the emulator under churn and a real broker: killed with
 * SIGKILL at random moments and restarted, {@code -Dcrash.kills=N} times (5 by default); then, in the next instance,
 * the broker is stopped for 30 s and started again. Then the churn stops, that instance catches up and is stopped with
 * SIGTERM. A read_committed consumer must see: no duplicate event id, the contract kept (framing, alternation), and a
 * replay equal to the emulator's true state. Last, a second instance with the same transactional ids fences a first
 * one, which stops cleanly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ChildProcesses.class) // no child JVM outlives its test, passed or failed
class CrashRecoveryIT {

    private static final int CONFERENCE_ROOMS = 40;
    private static final Map<Vendor, String> PROVIDER_IDS = Map.of(
            Vendor.VOLCENGINE,
            "volcengine",
            Vendor.TENCENT_LIVE,
            "tencent-live",
            Vendor.TENCENT_ROOM,
            "tencent-conference");
    private static EmbeddedKafka kafka;
    private static RunningEmulator emulator;
    private static String bootstrap;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.create(dir.resolve("kafka"));
        bootstrap = kafka.start();
        emulator = VendorEmulator.create(
                        EmulatorConfig.demo().withPort(0).withStaleness(Staleness.none()), Schedulers.parallel())
                .start()
                .block(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.stop().block(Duration.ofSeconds(10));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(600)
    void killedAtRandomAndRestarted_andBrokerDown30s_thenNoDuplicateNoLossAndReplayEqualsTruth() throws Exception {
        Path config = writeConfig();
        emulator.startScenario(ScenarioConfig.read(Path.of("src", "test", "resources", "app", "fast-scenario.yaml")));
        SplittableRandom random = new SplittableRandom(Long.getLong("crash.seed", 11));
        int kills = Integer.getInteger("crash.kills", 5);
        for (int i = 0; i < kills; i++) {
            Process roomwatch = launch(config, "crash-" + i);
            long aliveMillis = 4_000 + random.nextLong(8_000);
            assertThat(roomwatch.waitFor(aliveMillis, TimeUnit.MILLISECONDS))
                    .as("still running before the kill")
                    .isFalse();
            roomwatch.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, an open transaction left behind
        }
        Process last = launch(config, "final");
        assertThat(last.waitFor(8, TimeUnit.SECONDS)).isFalse();
        kafka.stop(); // the broker is down: commits fail, polling pauses, memory stays within -Xmx
        assertThat(last.waitFor(30, TimeUnit.SECONDS))
                .as("roomwatch survives a 30 s broker outage")
                .isFalse();
        kafka.start(); // same data folder and ports
        assertThat(last.waitFor(5, TimeUnit.SECONDS)).isFalse();
        emulator.stopScenario();
        Map<String, Map<String, Set<String>>> truth = truth();
        List<PresenceEvent> events = awaitConvergence(truth, Duration.ofSeconds(120));
        last.destroy(); // SIGTERM: graceful
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as("graceful shutdown exit code").isIn(0, 143);

        assertThat(events.stream().map(PresenceEvent::eventId).distinct().count())
                .as("no duplicate eventId")
                .isEqualTo(events.size());
        assertThat(EventReplay.byApp(events)).isEqualTo(truth);
        assertThat(events).as("the churn produced a real stream").hasSizeGreaterThan(50);
    }

    @Test
    @Order(2)
    @Timeout(180)
    void secondInstanceWithSameTransactionalIds_fencesTheFirst_whichStopsCleanly() throws Exception {
        Path config = writeConfig();
        // Churn, so that every app of the first instance tries to commit: a zombie is fenced at its next commit
        emulator.startScenario(ScenarioConfig.read(Path.of("src", "test", "resources", "app", "fast-scenario.yaml")));
        Process first = launch(config, "fenced");
        // the second instance must start after the first holds every app (took their transactional ids): on a busy
        // machine a JVM can take long to get there, and a "first" that comes up last is the one that fences
        awaitAllRestored(first, "fenced", Duration.ofSeconds(120));
        Process second = launch(config, "fencer");
        awaitAllRestored(second, "fencer", Duration.ofSeconds(120));
        boolean firstEnded = first.waitFor(90, TimeUnit.SECONDS);
        emulator.stopScenario();
        second.destroy();
        second.waitFor(60, TimeUnit.SECONDS);

        String firstLog = Files.readString(dir.resolve("fenced.log"));
        assertThat(firstEnded)
                .as("the fenced instance stops by itself; its log:%n%s", firstLog)
                .isTrue();
        assertThat(first.exitValue()).as("every app stopped on its own").isEqualTo(1);
        assertThat(firstLog).contains("fenced");
        assertThat(second.exitValue()).as("the fencer shuts down gracefully").isIn(0, 143);
    }

    /** Waits until the instance logged {@code <app>: restored} for every app (it then holds their ids). */
    private static void awaitAllRestored(Process instance, String name, Duration max) throws Exception {
        Path log = dir.resolve(name + ".log");
        long deadline = System.nanoTime() + max.toNanos();
        while (restoredApps(log) < PROVIDER_IDS.size()) {
            assertThat(instance.isAlive())
                    .as("%s exited before restoring its apps; its log:%n%s", name, Files.readString(log))
                    .isTrue();
            assertThat(System.nanoTime() < deadline)
                    .as("%s restored every app within %s; its log:%n%s", name, max, Files.readString(log))
                    .isTrue();
            instance.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    private static long restoredApps(Path log) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(line -> line.contains(": restored "))
                .count();
    }

    /** Reads everything committed until the replay equals the truth, or the deadline passes. */
    private static List<PresenceEvent> awaitConvergence(Map<String, Map<String, Set<String>>> truth, Duration max) {
        List<PresenceEvent> events = new ArrayList<>();
        KafkaSinkConfig config = KafkaSinkConfig.defaults(bootstrap);
        KafkaEventTail.create(config, true)
                .events()
                .doOnNext(t -> events.add(t.event()))
                .takeUntil(t -> EventReplay.byApp(List.copyOf(events)).equals(truth))
                .take(max)
                .blockLast(max.plusSeconds(10));
        return events;
    }

    private static Map<String, Map<String, Set<String>>> truth() {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        for (TrueRoom room : emulator.world().rooms()) {
            if (room.key().vendor() == Vendor.TENCENT_ROOM
                    && !watched(room.key().roomId())) {
                continue; // conference rooms are known only by configuration
            }
            String app = provider(room.key().vendor()) + "/" + room.key().app();
            Set<String> members =
                    room.members().stream().map(MemberState::userId).collect(Collectors.toCollection(TreeSet::new));
            out.computeIfAbsent(app, k -> new TreeMap<>()).put(room.key().roomId() + "#" + room.incarnation(), members);
        }
        return out;
    }

    private static boolean watched(String roomId) {
        return IntStream.rangeClosed(1, CONFERENCE_ROOMS).anyMatch(i -> roomId.equals("room-" + i));
    }

    private static String provider(Vendor vendor) {
        return PROVIDER_IDS.get(vendor);
    }

    private static Process launch(Path config, String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        return ChildProcesses.start(new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", // bounded memory: an unbounded buffer during the outage would end in an OOM
                        // the product's logging (INFO), not logback-test.xml (WARN), which the test class path holds
                        "-Dlogback.configurationFile=logback.xml",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.roomwatch.app.Main",
                        "run",
                        "-c",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
    }

    private static Path writeConfig() throws IOException {
        String rooms = IntStream.rangeClosed(1, CONFERENCE_ROOMS)
                .mapToObj(i -> "room-" + i)
                .collect(Collectors.joining(", "));
        String yaml = String.join(
                "\n",
                "kafka:",
                "  bootstrapServers: " + bootstrap,
                "admin: { host: 127.0.0.1, port: 0 }",
                "apps:",
                "  - provider: volcengine",
                "    appId: " + EmulatorConfig.DEMO_VOLCENGINE_APP,
                "    accessKeyId: " + EmulatorConfig.DEMO_ACCESS_KEY_ID,
                "    secretAccessKey: " + EmulatorConfig.DEMO_SECRET_ACCESS_KEY,
                "    baseUrl: " + emulator.baseUrl(),
                "    dataDelay: 0s",
                "    poll: { sweepInterval: 2s }",
                "  - provider: tencent-live",
                "    sdkAppId: \"" + EmulatorConfig.DEMO_SDK_APP_ID + "\"",
                "    administrator: " + EmulatorConfig.DEMO_ADMINISTRATOR,
                "    secretKey: " + EmulatorConfig.DEMO_TENCENT_KEY,
                "    baseUrl: " + emulator.baseUrl(),
                "    memberRefresh: 0s", // the emulator's member lists are live here (Staleness.none())
                "    poll: { sweepInterval: 2s }",
                "  - provider: tencent-conference",
                "    sdkAppId: \"" + EmulatorConfig.DEMO_SDK_APP_ID + "\"",
                "    administrator: " + EmulatorConfig.DEMO_ADMINISTRATOR,
                "    secretKey: " + EmulatorConfig.DEMO_TENCENT_KEY,
                "    baseUrl: " + emulator.baseUrl(),
                "    rooms: [" + rooms + "]",
                "    poll: { sweepInterval: 2s }",
                "");
        Path file = dir.resolve("roomwatch.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
