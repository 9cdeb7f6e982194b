package io.roomwatch.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Ctrl-C / SIGTERM handling: {@link #await} returns when the JVM is asked to stop (or after a fixed duration), and
 * the shutdown hook then holds the JVM until {@link #done()} so the caller can finish or abort the open transaction
 * and close the producers before the process exits.
 */
final class Shutdown {

    private static final long CLEANUP_GRACE_SECONDS = 30;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private Shutdown() {}

    static Shutdown install() {
        Shutdown shutdown = new Shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::onSignal, "roomwatch-shutdown"));
        return shutdown;
    }

    private void onSignal() {
        requested.countDown();
        try {
            finished.await(CLEANUP_GRACE_SECONDS, TimeUnit.SECONDS);
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

    /** Cleanup is over: a pending shutdown may proceed. */
    void done() {
        finished.countDown();
    }
}
