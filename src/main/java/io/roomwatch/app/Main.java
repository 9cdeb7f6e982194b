package io.roomwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code roomwatch}: turns RTC vendors' current-state APIs into room lifecycle events on Kafka.
 *
 * <p>Exit codes: 0 done, 1 failed while running, 2 bad configuration or usage.
 */
@Command(
        name = "roomwatch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Polls RTC vendors' room and member APIs and publishes RoomCreated, RoomDestroyed, UserJoined "
                + "and UserLeft events to Apache Kafka.",
        subcommands = {DemoCommand.class, EmulatorCommand.class, TailCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line, for tests: {@code commandLine(env).execute(args)} returns the exit code. {@code env} is where
     * configuration files' {@code ${VAR}} placeholders and {@code ROOMWATCH_...} overrides come from.
     */
    static CommandLine commandLine(java.util.Map<String, String> env) {
        // picocli's own exit code for bad usage is 2 (ExitCode.USAGE), the same as for a bad configuration
        return new CommandLine(new Main())
                .addSubcommand(new RunCommand(env))
                .addSubcommand(new ValidateCommand(env))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"roomwatch " + (version == null ? "dev" : version)};
        }
    }
}
