package io.roomwatch.emulator.callback;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.roomwatch.emulator.CallbackCounts;
import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.world.World;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Pushes the world's true changes as vendor callbacks to {@link CallbackOptions#target()}: Volcengine RTC
 * (https://volcengine.com/docs/6348/69820), TUILiveKit (https://trtc.io/document/64412) and TUIRoomKit
 * (https://trtc.io/document/60735), each to {@code {target}/{provider}/{appId}} with provider {@code volcengine},
 * {@code tencent-live} or {@code tencent-conference}.
 *
 * <p>Time and threads: the log is read every 25 ms on the emulator clock (a {@code VirtualTimeScheduler} in tests:
 * advance it to make the sender read, wait, retry and time out); HTTP runs on Reactor Netty's threads. Delays, retry
 * spacing and the 5 s answer limit all run on the clock.
 *
 * <p>Bounds: at most {@link CallbackOptions#maxInFlight()} deliveries (delays and retries included) are under way;
 * while they are, the sender stops reading and changes wait in the world's bounded log (those the log drops before
 * being read are counted as {@link CallbackCounts#overrun()}). Errors of a delivery are counted, never propagated.
 * Thread-safe; {@link #stop()} cancels everything under way.
 */
public final class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    /** How often the change log is read. */
    static final Duration POLL_EVERY = Duration.ofMillis(25);

    private static final int PAGE = 256;

    private final World world;
    private final Scheduler clock;
    private final Counters counters = new Counters();
    private final CallbackPlanner planner;
    private final Deliverer deliverer;
    private final ConnectionProvider connections;
    private final int maxInFlight;
    private final Disposable.Swap running = Disposables.swap();
    private long since; // only the serial read stage touches it

    private CallbackSender(World world, EmulatorConfig config, Scheduler clock) {
        CallbackOptions options = config.callbacks();
        this.world = world;
        this.clock = clock;
        this.maxInFlight = options.maxInFlight();
        this.planner = new CallbackPlanner(world, config, counters, clock.now(MILLISECONDS));
        // one connection per delivery in flight at most; none waits longer for a connection than for its answer
        this.connections = ConnectionProvider.builder("emulator-callbacks")
                .maxConnections(maxInFlight)
                .pendingAcquireMaxCount(maxInFlight)
                .build();
        this.deliverer = new Deliverer(HttpClient.create(connections).disableRetry(true), clock, counters);
    }

    /**
     * Starts following {@code world}'s log from its first change; the first read happens at once on {@code clock}.
     *
     * @throws IllegalArgumentException if {@code config.callbacks()} has no target (callbacks off)
     */
    public static CallbackSender start(World world, EmulatorConfig config, Scheduler clock) {
        if (!config.callbacks().enabled()) {
            throw new IllegalArgumentException("callbacks are off: CallbackOptions has no target");
        }
        CallbackSender sender = new CallbackSender(world, config, clock);
        sender.running.update(sender.run().subscribe(done -> {}, error -> log.error("callback sender stopped", error)));
        log.info("pushing vendor callbacks to {}", config.callbacks().target());
        return sender;
    }

    /** The counters so far; callable from any thread. */
    public CallbackCounts counts() {
        return counters.snapshot();
    }

    /** Lazily cancels reading and every delivery under way, then closes the connections; completes when closed. */
    public Mono<Void> stop() {
        return Mono.defer(() -> {
            running.dispose();
            return connections.disposeLater();
        });
    }

    private Flux<Void> run() {
        return Flux.interval(Duration.ZERO, POLL_EVERY, clock)
                .onBackpressureDrop() // busy with deliveries: skip the tick, the cursor keeps the place
                .concatMap(tick -> Mono.fromCallable(this::nextPage), 0)
                .concatMapIterable(ChangePage::changes, 1)
                .concatMapIterable(planner::plan, 1)
                .flatMap(deliverer::deliver, maxInFlight);
    }

    private ChangePage nextPage() {
        ChangePage page = world.changes(since, PAGE);
        if (page.truncated()) {
            counters.overrun.add(page.oldestSeq() - since - 1);
        }
        since = page.nextSince();
        return page;
    }
}
