package io.roomwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.testing.ChildProcesses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Regression for issue 14's newcomer findings, with the packaged jar's {@code run} in its own JVM: when Kafka is not
 * reachable at start it waits with backoff, says so in its log and reports not ready instead of giving up after about
 * 10 s; and SIGTERM stops it cleanly with exit code 0, not 143.
 */
@ExtendWith(ChildProcesses.class) // the JVM never outlives the test, passed or failed
class RunJarIT {

    private static final Pattern ADMIN = Pattern.compile("admin endpoint on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final String RETRYING =
            "yet (attempt"; // "cannot open the app for writing yet (attempt n), retrying ..."

    @Test
    @Timeout(180)
    void givenKafkaNotReachable_whenRunning_thenItWaitsNotReady_andSigtermExitsZero(@TempDir Path dir)
            throws Exception {
        Path jar = Path.of("target", "roomwatch.jar");
        assertThat(jar).as("mvn package builds the runnable jar").exists();
        Path config = dir.resolve("roomwatch.yml");
        Files.writeString(
                config,
                """
                kafka:
                  bootstrapServers: 127.0.0.1:%d
                  blockTimeout: 2s
                admin:
                  port: 0
                apps:
                  - provider: tencent-conference
                    sdkAppId: 1400000001
                    administrator: administrator
                    secretKey: not-a-real-key
                    baseUrl: http://127.0.0.1:%d
                    rooms: [r1]
                """
                        .formatted(freePort(), freePort()));
        Path log = dir.resolve("stderr.log");
        Process run = ChildProcesses.start(
                new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", jar.toString(), "run", "-c", config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        // a file, not a pipe: nothing of the last lines is lost at exit
                        .redirectError(log.toFile()));
        Supplier<List<String>> stderr = () -> lines(log);
        try {
            int adminPort = await(stderr, ADMIN, Duration.ofSeconds(60));
            assertThat(status(adminPort, "/health/live")).isEqualTo(200);
            assertThat(status(adminPort, "/health/ready"))
                    .as("not ready while Kafka is away")
                    .isEqualTo(503);
            awaitCount(stderr, RETRYING, 3, Duration.ofSeconds(90));
            assertThat(run.isAlive())
                    .as("still waiting, well past the old 10 s")
                    .isTrue();
            assertThat(status(adminPort, "/health/ready")).isEqualTo(503);

            run.destroy(); // SIGTERM

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThat(run.exitValue())
                    .as("exit code after SIGTERM; stderr:%n%s", String.join("\n", stderr.get()))
                    .isZero();
            assertThat(String.join("\n", stderr.get())).contains("roomwatch stopped");
        } finally {
            run.destroyForcibly();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("reading " + file + " failed: " + e);
        }
    }

    /** The first group of the first line matching {@code pattern}; polls the lines read so far, bounded. */
    private static int await(Supplier<List<String>> lines, Pattern pattern, Duration within) {
        return Mono.fromCallable(() -> lines.get().stream()
                        .map(pattern::matcher)
                        .filter(Matcher::find)
                        .map(m -> Integer.parseInt(m.group(1)))
                        .findFirst()
                        .orElse(null))
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(200)))
                .block(within);
    }

    private static void awaitCount(Supplier<List<String>> lines, String text, int count, Duration within) {
        Mono.fromCallable(
                        () -> lines.get().stream().filter(l -> l.contains(text)).count() >= count ? true : null)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(200)))
                .block(within);
    }

    private static int status(int port, String path) {
        return HttpClient.create()
                .get()
                .uri("http://127.0.0.1:" + port + path)
                .response()
                .map(r -> r.status().code())
                .block(Duration.ofSeconds(10));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.exists(bin) ? bin.toString() : "java";
    }
}
