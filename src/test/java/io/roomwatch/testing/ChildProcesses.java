package io.roomwatch.testing;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts child processes for tests and makes sure none outlives its test: after each test (passed or failed), after
 * the class, and when the test JVM exits, every process started here that is still alive is killed together with its
 * own children (the demo's broker, say). Register with {@code @ExtendWith(ChildProcesses.class)} and start processes
 * with {@link #start}.
 */
public final class ChildProcesses implements AfterEachCallback, AfterAllCallback {

    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "child-process-reaper"));
    }

    /** Starts {@code builder}'s process, to be killed at the end of the test at the latest. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        STARTED.add(process);
        return process;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        killAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        killAll();
    }

    /** Kills (SIGKILL) every process started here that is still alive, children first, and waits up to 10 s each. */
    static void killAll() {
        for (Process process : List.copyOf(STARTED)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            STARTED.remove(process);
        }
    }
}
