package io.roomwatch.app;

import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.VendorEmulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.scheduler.Schedulers;

/** {@code roomwatch emulator}: the built-in vendor emulator alone, for trying tools without credentials. */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = "Runs the built-in emulator of the Volcengine RTC, TUILiveKit and TUIRoomKit server APIs on "
                + "127.0.0.1, with the demo apps and a lively scenario (see docs/emulator.md).")
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port = 18080;

    @Option(names = "--host", description = "Address to bind. Default: ${DEFAULT-VALUE}")
    String host = "127.0.0.1";

    @Option(names = "--scenario", description = "Scenario file (YAML or JSON) instead of the demo scenario")
    Path scenario;

    @Option(names = "--no-scenario", description = "Start with an empty world, driven through the control API")
    boolean noScenario;

    @Option(
            names = "--base-path",
            description = "Serve the vendor APIs under this path only, as behind a gateway (e.g. /tim-gw); the "
                    + "control API stays at /__emulator/")
    String basePath = "";

    @Option(
            names = "--callbacks-url",
            description = "Push vendor callbacks (webhooks) to {URL}/{volcengine|tencent-live|tencent-conference}/"
                    + "{appId}, signed with the demo callback key and token (default: no callbacks)")
    String callbacksUrl;

    @Option(names = "--callback-loss", description = "Share of callbacks never sent, 0..1. Default: ${DEFAULT-VALUE}")
    double callbackLoss;

    @Option(
            names = "--callback-duplicates",
            description = "Share of callbacks sent twice, 0..1. Default: ${DEFAULT-VALUE}")
    double callbackDuplicates;

    @Option(
            names = "--callback-max-delay",
            converter = DurationConverter.class,
            description = "Delay each callback delivery by up to this (re-orders them). Default: 0s")
    Duration callbackMaxDelay = Duration.ZERO;

    @Option(
            names = "--callback-forged",
            description =
                    "Share of callbacks followed by a forged copy (bad signature), 0..1. Default: ${DEFAULT-VALUE}")
    double callbackForged;

    @Option(names = "--callback-seed", description = "Seed of the callback faults. Default: ${DEFAULT-VALUE}")
    long callbackSeed = 1;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Stop after this long (default: Ctrl-C)")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunningEmulator emulator = VendorEmulator.create(
                        EmulatorConfig.demo()
                                .withHost(host)
                                .withPort(port)
                                .withBasePath(basePath)
                                .withCallbacks(callbacks()),
                        Schedulers.parallel())
                .start()
                .block(Duration.ofSeconds(30));
        if (!noScenario) {
            emulator.startScenario(scenario != null ? ScenarioConfig.read(scenario) : ScenarioConfig.demo());
        }
        out.println("vendor emulator on " + emulator.vendorBaseUrl() + "  (control API: " + emulator.baseUrl()
                + "/__emulator/state)");
        out.println(
                "volcengine: AppId " + EmulatorConfig.DEMO_VOLCENGINE_APP + ", AK " + EmulatorConfig.DEMO_ACCESS_KEY_ID
                        + ", SK " + EmulatorConfig.DEMO_SECRET_ACCESS_KEY + " (demo credentials)");
        out.println("tencent: sdkappid " + EmulatorConfig.DEMO_SDK_APP_ID + ", administrator "
                + EmulatorConfig.DEMO_ADMINISTRATOR + ", key " + EmulatorConfig.DEMO_TENCENT_KEY
                + " (demo credentials)");
        if (emulator.callbacksOn()) {
            out.println("callbacks to " + callbacksUrl + ": volcengine key "
                    + EmulatorConfig.DEMO_VOLCENGINE_CALLBACK_KEY + ", tencent token "
                    + EmulatorConfig.DEMO_TENCENT_CALLBACK_TOKEN + " (demo secrets; counts: " + emulator.baseUrl()
                    + "/__emulator/callbacks)");
        }
        out.flush();
        Shutdown shutdown = Shutdown.install();
        shutdown.await(duration);
        emulator.stop().block(Duration.ofSeconds(10));
        shutdown.done(0);
        return 0;
    }

    private CallbackOptions callbacks() {
        return CallbackOptions.off()
                .withTarget(callbacksUrl)
                .withFaults(callbackLoss, callbackDuplicates, callbackMaxDelay, callbackForged)
                .withSeed(callbackSeed);
    }
}
