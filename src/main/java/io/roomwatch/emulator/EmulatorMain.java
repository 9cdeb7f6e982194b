package io.roomwatch.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the emulator on its own with the demo apps and real time:
 * {@code java -cp ... io.roomwatch.emulator.EmulatorMain [--port 18080] [--base-path /tim-gw] [--scenario file.yaml |
 * --no-scenario]
 * [--callbacks-url http://127.0.0.1:8091/callbacks]}.
 * The only class of the package that reads the wall clock (through {@code Schedulers.parallel()}) and blocks.
 */
public final class EmulatorMain {

    private static final Logger log = LoggerFactory.getLogger(EmulatorMain.class);

    private EmulatorMain() {}

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        RunningEmulator emulator = VendorEmulator.create(
                        EmulatorConfig.demo()
                                .withPort(options.port())
                                .withBasePath(options.basePath())
                                .withCallbacks(CallbackOptions.off().withTarget(options.callbacksUrl())),
                        Schedulers.parallel())
                .start()
                .block(Duration.ofSeconds(30));
        if (emulator == null) {
            throw new IllegalStateException("the emulator did not start");
        }
        logCredentials(emulator);
        if (options.scenario() != null) {
            emulator.startScenario(ScenarioConfig.read(options.scenario()));
        } else if (options.demoScenario()) {
            emulator.startScenario(ScenarioConfig.demo());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> emulator.stop().block(Duration.ofSeconds(10))));
        emulator.onStop().block();
    }

    private static void logCredentials(RunningEmulator emulator) {
        log.info(
                "vendor emulator listening on {} (control API: {}/__emulator/state)",
                emulator.vendorBaseUrl(),
                emulator.baseUrl());
        log.info(
                "volcengine: AppId {} AK {} SK {} region cn-north-1 service rtc",
                EmulatorConfig.DEMO_VOLCENGINE_APP,
                EmulatorConfig.DEMO_ACCESS_KEY_ID,
                EmulatorConfig.DEMO_SECRET_ACCESS_KEY);
        log.info(
                "tencent: sdkappid {} key {} administrator {}",
                EmulatorConfig.DEMO_SDK_APP_ID,
                EmulatorConfig.DEMO_TENCENT_KEY,
                EmulatorConfig.DEMO_ADMINISTRATOR);
        if (emulator.callbacksOn()) {
            log.info(
                    "callbacks on: volcengine key {}, tencent token {} (counts: {}/__emulator/callbacks)",
                    EmulatorConfig.DEMO_VOLCENGINE_CALLBACK_KEY,
                    EmulatorConfig.DEMO_TENCENT_CALLBACK_TOKEN,
                    emulator.baseUrl());
        }
    }

    /** Command-line options. */
    record Options(
            int port, @Nullable Path scenario, boolean demoScenario, String basePath, @Nullable String callbacksUrl) {

        static Options parse(String[] args) {
            int port = 18080;
            String basePath = "";
            Path scenario = null;
            boolean demo = true;
            String callbacksUrl = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--scenario" -> scenario = Path.of(value(args, ++i));
                    case "--no-scenario" -> demo = false;
                    case "--base-path" -> basePath = value(args, ++i);
                    case "--callbacks-url" -> callbacksUrl = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: [--port N] [--base-path /prefix] [--scenario file.yaml | --no-scenario]"
                            + " [--callbacks-url URL]");
                }
            }
            return new Options(port, scenario, demo, basePath, callbacksUrl);
        }

        private static String value(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException(args[index - 1] + " needs a value");
            }
            return args[index];
        }
    }
}
