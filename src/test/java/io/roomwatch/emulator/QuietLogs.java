package io.roomwatch.emulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Netty's per-connection DEBUG lines out of the test output (logback's default configuration logs DEBUG).
 * Done in code because this package may not add a root {@code logback-test.xml}.
 */
public final class QuietLogs {

    private QuietLogs() {}

    public static void apply() {
        for (String name : new String[] {"reactor.netty", "io.netty", "reactor.util", "com.tngtech"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.INFO);
            }
        }
    }
}
