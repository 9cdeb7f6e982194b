package io.roomwatch.app;

import io.roomwatch.config.ConfigException;
import io.roomwatch.config.ConfigLoader;
import io.roomwatch.config.LogFormat;
import io.roomwatch.config.RoomwatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roomwatch run -c roomwatch.yml}: the service. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs roomwatch with a configuration file until SIGTERM/Ctrl-C. Exit code 2 on a bad "
                + "configuration (nothing is started), 1 on a failure while starting.")
final class RunCommand implements Callable<Integer> {

    private final java.util.Map<String, String> env;

    @Spec
    CommandSpec spec;

    RunCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "The YAML configuration file")
    Path config;

    @Override
    public Integer call() throws Exception {
        RoomwatchConfig loaded;
        try {
            loaded = ConfigLoader.load(config, env);
        } catch (ConfigException e) {
            return Problems.report(spec.commandLine().getErr(), config, e.problems());
        }
        if (loaded.log().format() == LogFormat.JSON) {
            JsonLogging.enable();
        }
        Shutdown shutdown = Shutdown.install();
        AtomicBoolean allStopped = new AtomicBoolean();
        Runnable onAllStopped = () -> {
            allStopped.set(true);
            shutdown.request();
        };
        int code = 1;
        try {
            PollerApp app = PollerApp.start(loaded, report -> {}, onAllStopped);
            try {
                shutdown.await(null);
                code = allStopped.get() ? 1 : 0; // every app stopped on its own: the log says why
            } finally {
                app.close(); // stop polling, finish or abort the open transactions, close the producers
            }
        } finally {
            shutdown.done(code); // a SIGTERM's shutdown then exits with this code, not 143
        }
        return code;
    }
}
