package io.roomwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.roomwatch.broker.EmbeddedKafka;
import io.roomwatch.config.ConfigLoader;
import io.roomwatch.config.RoomwatchConfig;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.VendorEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * A sentinel secret, used as every credential, must never show in logs (any level), error messages or metrics, even
 * when the vendor rejects it and the apps stop with errors.
 */
class SecretsIT {

    private static final String SENTINEL = "SENTINEL-5b7e91-secret";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void rejectedSentinelCredentials_thenAppsStop_andTheSecretIsNowhere() throws Exception {
        Level before = rootLogger().getLevel();
        ListAppender<ILoggingEvent> logs = captureAllLogs();
        try (EmbeddedKafka kafka = EmbeddedKafka.create(dir.resolve("kafka"))) {
            String bootstrap = kafka.start();
            RunningEmulator emulator = VendorEmulator.create(
                            EmulatorConfig.demo().withPort(0), Schedulers.parallel())
                    .start()
                    .block(Duration.ofSeconds(30));
            RoomwatchConfig config =
                    ConfigLoader.parse(yaml(bootstrap, emulator.baseUrl()), Map.of("SECRET", SENTINEL));
            CountDownLatch allStopped = new CountDownLatch(1);
            String metrics;
            try (PollerApp app = PollerApp.start(config, report -> {}, allStopped::countDown)) {
                assertThat(allStopped.await(60, TimeUnit.SECONDS))
                        .as("both apps stop: their keys are wrong")
                        .isTrue();
                metrics = HttpClient.create()
                        .get()
                        .uri("http://127.0.0.1:" + app.adminPort() + "/metrics")
                        .responseContent()
                        .aggregate()
                        .asString()
                        .block(Duration.ofSeconds(10));
            }
            emulator.stop().block(Duration.ofSeconds(10));

            rootLogger().detachAppender(logs);
            List<ILoggingEvent> events;
            synchronized (logs) { // AppenderBase.doAppend holds this lock while appending
                events = List.copyOf(logs.list);
            }
            String logged = events.stream().map(SecretsIT::render).collect(Collectors.joining("\n"));
            assertThat(logged)
                    .as("the apps did stop with a rejection")
                    .contains("SignatureDoesNotMatch")
                    .contains("70009");
            assertThat(logged).doesNotContain(SENTINEL);
            assertThat(metrics).contains("roomwatch_vendor_calls_total").doesNotContain(SENTINEL);
            assertThat(config.toString()).doesNotContain(SENTINEL);
        } finally {
            rootLogger().detachAppender(logs);
            rootLogger().setLevel(before); // later tests in this JVM log at the configured level again
        }
    }

    private static String yaml(String bootstrap, String baseUrl) {
        return String.join(
                "\n",
                "kafka:",
                "  bootstrapServers: " + bootstrap,
                "  properties: { sasl.jaas.config: \"${SECRET}\" }",
                "admin: { host: 127.0.0.1, port: 0 }",
                "apps:",
                "  - provider: volcengine",
                "    appId: " + EmulatorConfig.DEMO_VOLCENGINE_APP,
                "    accessKeyId: " + EmulatorConfig.DEMO_ACCESS_KEY_ID,
                "    secretAccessKey: ${SECRET}",
                "    baseUrl: " + baseUrl,
                "  - provider: tencent-live",
                "    sdkAppId: \"" + EmulatorConfig.DEMO_SDK_APP_ID + "\"",
                "    administrator: " + EmulatorConfig.DEMO_ADMINISTRATOR,
                "    secretKey: ${SECRET}",
                "    baseUrl: " + baseUrl,
                "");
    }

    /** Message, arguments and the whole exception chain of one log event. */
    private static String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static ListAppender<ILoggingEvent> captureAllLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        Logger root = rootLogger();
        root.setLevel(Level.DEBUG); // even debug output must not carry secrets
        root.addAppender(appender);
        return appender;
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
