package io.roomwatch.app;

import io.roomwatch.config.ConfigLoader;
import io.roomwatch.config.ConfigValidation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roomwatch validate FILE}: checks a configuration without starting anything. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks a configuration file (keys, values, limits, environment variables) without starting "
                + "anything. Exit code 0 when valid, 2 with one line per problem otherwise.")
final class ValidateCommand implements Callable<Integer> {

    private final java.util.Map<String, String> env;

    @Spec
    CommandSpec spec;

    ValidateCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Parameters(paramLabel = "FILE", description = "The YAML configuration file")
    Path file;

    @Override
    public Integer call() {
        ConfigValidation validation = ConfigLoader.validate(file, env);
        if (!validation.valid()) {
            return Problems.report(spec.commandLine().getErr(), file, validation.problems());
        }
        spec.commandLine().getOut().println(file + ": valid. " + validation.summary());
        return 0;
    }
}
