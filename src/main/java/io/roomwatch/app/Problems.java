package io.roomwatch.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints configuration problems, one line each, and gives the exit code for a bad configuration. */
final class Problems {

    /** Exit code for a configuration that cannot be used: nothing was started. */
    static final int BAD_CONFIG = 2;

    private Problems() {}

    static int report(PrintWriter err, Path file, List<String> problems) {
        for (String problem : problems) {
            err.println(file + ": " + problem);
        }
        err.flush();
        return BAD_CONFIG;
    }
}
