package io.roomwatch.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Ctrl-C / SIGTERM handling: {@link #await} returns when the JVM is asked to stop (or after a fixed duration), and
 * the shutdown hook then holds the JVM until {@link #done(int)} so the caller can finish or abort the open transaction
 * and close the producers before the process exits.
 *
 * <p>Exit code: a JVM stopped by a signal exits with 128 + the signal number (143 for SIGTERM) once its shutdown
 * hooks are done, whatever {@code System.exit} the main thread then asks for (that call blocks behind the hooks). So
 * when the stop came from a signal and the command finished its cleanup within the grace period, the hook ends the
 * JVM itself with the command's exit code ({@link Runtime#halt}, the cleanup being done): 0 for a clean stop, as the
 * README promises. A cleanup that overruns the grace period leaves the signal's code: the stop was not clean.
 */
final class Shutdown {

    private static final long CLEANUP_GRACE_SECONDS = 30;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode;

    private Shutdown() {}

    static Shutdown install() {
        Shutdown shutdown = new Shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::onSignal, "roomwatch-shutdown"));
        return shutdown;
    }

    private void onSignal() {
        if (finished.getCount() == 0) {
            return; // the command was done before the JVM began to stop: System.exit carries its code
        }
        requested.countDown();
        try {
            if (finished.await(CLEANUP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(exitCode); // cleanup done: exit with the command's code, not 128 + signal
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until a stop is requested or {@code duration} (if given) passed. */
    void await(@Nullable Duration duration) throws InterruptedException {
        if (duration == null) {
            requested.await();
        } else {
            requested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Ends {@link #await} from within, e.g. when every app has stopped on its own. */
    void request() {
        requested.countDown();
    }

    /** Cleanup is over, and the command ends with {@code code}: a pending shutdown may proceed with that code. */
    void done(int code) {
        exitCode = code;
        finished.countDown();
    }
}
