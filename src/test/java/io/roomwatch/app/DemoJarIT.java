package io.roomwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.testing.ChildProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The README's first command, for real: the packaged jar's {@code demo} in its own JVM (embedded broker, emulator,
 * roomwatch), for a bounded time. Its feed is what a read_committed consumer of the topic got.
 */
@ExtendWith(ChildProcesses.class) // the demo and its broker never outlive the test, passed or failed
class DemoJarIT {

    private static final Pattern EVENT =
            Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\s+(\\S+)/\\S+\\s+\\S+\\s+(\\w+)\\s");
    private static final Pattern ADMIN = Pattern.compile("admin endpoint on http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    @Timeout(240)
    void packagedDemo_showsEveryEventTypeFromEveryVendor_servesHealthAndMetrics_andLeavesNoKafkaFolder(
            @TempDir Path tmp) throws Exception {
        Path jar = Path.of("target", "roomwatch.jar");
        assertThat(jar).as("mvn package builds the runnable jar").exists();
        Path scenario = Path.of("src", "test", "resources", "app", "fast-scenario.yaml");
        Process demo = ChildProcesses.start(new ProcessBuilder(
                javaBin(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, // its own: other processes' folders do not count
                "-jar",
                jar.toString(),
                "demo",
                "--duration",
                "80s",
                "--admin-port",
                "0",
                "--callback-port",
                Integer.toString(freePort()),
                "--summary-every",
                "20s",
                "--scenario",
                scenario.toString()));
        List<String> stderr = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> stdout = CompletableFuture.supplyAsync(() -> lines(demo.getInputStream()));
        CompletableFuture<String> ops = CompletableFuture.supplyAsync(() -> checkOperations(demo, stderr));

        assertThat(demo.waitFor(200, TimeUnit.SECONDS))
                .as("demo stops by itself after --duration")
                .isTrue();
        assertThat(demo.exitValue())
                .as("exit code; stderr:%n%s", String.join("\n", stderr))
                .isZero();

        assertThat(stdout.get(10, TimeUnit.SECONDS))
                .as("the demo runs with the emulator's callbacks on: some events came first by callback")
                .anyMatch(line -> line.endsWith("[callback]"));
        Set<String> seen = new TreeSet<>();
        for (String line : stdout.get(10, TimeUnit.SECONDS)) {
            Matcher m = EVENT.matcher(line);
            if (m.find()) {
                seen.add(m.group(1) + " " + m.group(2));
            }
        }
        for (String vendor : List.of("volcengine", "tencent-live", "tencent-conference")) {
            for (String type : List.of("RoomCreated", "UserJoined", "UserLeft", "RoomDestroyed")) {
                assertThat(seen).as("events seen: %s", seen).contains(vendor + " " + type);
            }
        }
        assertThat(ops.get(10, TimeUnit.SECONDS)).contains("roomwatch_budget_permits_total");
        try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
            // regression for issue 14: demo --help says the Kafka folder is deleted at exit
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("temporary folders left")
                    .noneMatch(name -> name.startsWith("roomwatch-kafka-"));
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Reads stderr for the admin port, then checks readiness and scrapes metrics while the demo runs. */
    private static String checkOperations(Process demo, List<String> stderr) {
        BufferedReader err = new BufferedReader(new InputStreamReader(demo.getErrorStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = err.readLine()) != null) {
                stderr.add(line);
                Matcher m = ADMIN.matcher(line);
                if (m.find()) {
                    String metrics = scrape(Integer.parseInt(m.group(1)));
                    drain(err, stderr);
                    return metrics;
                }
            }
            return "no admin endpoint line";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String scrape(int port) {
        HttpClient client = HttpClient.create().baseUrl("http://127.0.0.1:" + port);
        Integer ready = Mono.defer(
                        () -> client.get().uri("/health/ready").response().map(r -> r.status()
                                .code()))
                .filter(code -> code == 200)
                .repeatWhenEmpty(40, attempts -> attempts.delayElements(Duration.ofMillis(500)))
                .block(Duration.ofSeconds(30));
        assertThat(ready).as("/health/ready turns 200 once state is restored").isEqualTo(200);
        return client.get()
                .uri("/metrics")
                .responseContent()
                .aggregate()
                .asString()
                .block(Duration.ofSeconds(10));
    }

    private static void drain(BufferedReader err, List<String> sink) throws IOException {
        String line;
        while ((line = err.readLine()) != null) {
            sink.add(line);
        }
    }

    private static List<String> lines(java.io.InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String javaBin() {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.exists(bin) ? bin.toString() : "java";
    }
}
