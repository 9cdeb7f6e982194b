package io.roomwatch.app;

import io.roomwatch.broker.EmbeddedKafka;
import io.roomwatch.config.RoomwatchConfig;
import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.kafka.KafkaEventTail;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code roomwatch demo}: the embedded default. Starts a real Kafka broker (KRaft, from Kafka's own jars, in a child
 * JVM), the vendor emulator with a lively scenario for all three vendors, and roomwatch against both; prints the
 * events as a downstream consumer reads them (read_committed) and a summary line every few seconds.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs roomwatch against its built-in vendor emulator and an embedded Kafka broker, and shows the "
                + "events a consumer of the topic sees. Ctrl-C stops everything.")
final class DemoCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Stop after this long (default: Ctrl-C)")
    Duration duration;

    @Option(names = "--data-dir", description = "Kafka data folder (default: a temporary folder, deleted at exit)")
    Path dataDir;

    @Option(names = "--admin-port", description = "Admin endpoint port on 127.0.0.1. Default: ${DEFAULT-VALUE}")
    int adminPort = 9400;

    @Option(
            names = "--callback-port",
            description =
                    "Port on 127.0.0.1 where the emulator's vendor callbacks are received. Default: ${DEFAULT-VALUE}")
    int callbackPort = 9401;

    @Option(
            names = "--summary-every",
            converter = DurationConverter.class,
            description = "Summary line period. Default: 10s")
    Duration summaryEvery = Duration.ofSeconds(10);

    @Option(names = "--scenario", description = "Emulator scenario file (YAML/JSON) instead of the built-in lively one")
    Path scenario;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Shutdown shutdown = Shutdown.install();
        int code = 0;
        out.println("starting the embedded Kafka broker (about 10 s) ...");
        out.flush();
        try (EmbeddedKafka kafka = dataDir == null ? EmbeddedKafka.create() : EmbeddedKafka.create(dataDir)) {
            String bootstrap = kafka.start();
            // the emulator pushes every vendor's callbacks to roomwatch's receiver, as the vendors would
            EmulatorConfig emulatorConfig = EmulatorConfig.demo()
                    .withCallbacks(CallbackOptions.to("http://127.0.0.1:" + callbackPort + "/callbacks"));
            RunningEmulator emulator = VendorEmulator.create(emulatorConfig, Schedulers.parallel())
                    .start()
                    .block(Duration.ofSeconds(30));
            RoomwatchConfig settings = DemoApps.settings(bootstrap, emulator.baseUrl(), adminPort, callbackPort);
            out.println("kafka " + bootstrap + ", emulator " + emulator.baseUrl() + "; events of topic "
                    + settings.kafka().eventsTopic() + " follow");
            out.flush();
            DemoFeed feed = new DemoFeed(out);
            try (PollerApp app = PollerApp.start(settings, report -> {})) {
                // churn once the receiver listens, so that the first callbacks are not sent into the void
                emulator.startScenario(scenario != null ? ScenarioConfig.read(scenario) : ScenarioConfig.demo());
                Disposable events =
                        KafkaEventTail.create(settings.kafka(), true).events().subscribe(feed::print);
                Disposable summaries =
                        Flux.interval(summaryEvery, summaryEvery).subscribe(tick -> feed.summary(app, summaryEvery));
                shutdown.await(duration);
                summaries.dispose();
                events.dispose();
                out.println("stopping ...");
                out.flush();
            }
            emulator.stop().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.error("demo failed: {}", e.toString());
            code = 1;
        } finally {
            shutdown.done(code);
        }
        return code;
    }
}
