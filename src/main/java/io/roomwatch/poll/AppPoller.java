package io.roomwatch.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomwatch.callback.Delivery;
import io.roomwatch.config.MemberSchedule;
import io.roomwatch.config.PollConfig;
import io.roomwatch.diff.Attribution;
import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.StateChange;
import io.roomwatch.poll.EngineMetrics.PollOutcome;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.state.SnapshotStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Polls one app and commits its changes: the heart of roomwatch.
 *
 * <ul>
 *   <li>A room sweep every {@link PollConfig#sweepInterval()}; a tick that comes while a sweep runs is dropped, never
 *       queued, so sweeps never overlap.
 *   <li>Member polls of live rooms in {@link PollConfig#memberConcurrency()} lanes, at most as fast as the member
 *       API's rate budget allows (the provider pays a permit per call), in the order {@link RoomQueue} decides. With
 *       {@link MemberSchedule#NEWS} (the default) a room is polled only when its answer can bring news: not more
 *       often than {@link PollConfig#minRoomInterval()}, and for snapshot APIs ({@code memberRefresh} above 0) just
 *       after its learnt refresh ({@link RefreshPhase}); a lane with no room due sleeps until one is (at most 500 ms),
 *       leaving the budget unused.
 *   <li>Observations are diffed against the committed state in batches of at most {@link PollConfig#maxBatch()} and
 *       each batch is committed through the {@link EventSink} before the next one is taken: a slow or absent broker
 *       stops demand, which stops the lanes and makes sweep ticks drop. Nothing queues without bound.
 * </ul>
 *
 * <p>Failures: a transient vendor failure (already retried by the provider) makes that observation unknown, and
 * nothing is concluded from it. A rejected app ({@link VendorRejected}) or a fatal sink error ends {@link #run()}
 * with that error: this app stops, others are unaffected. A retriable sink failure is retried with backoff while
 * polling waits: the same observations are diffed again and committed; when the outcome of a commit is in doubt, the
 * state is first reloaded from the store, so a batch that did get committed is not emitted twice.
 */
public final class AppPoller {

    private static final Logger log = LoggerFactory.getLogger(AppPoller.class);
    private static final Duration IDLE = Duration.ofMillis(500);

    private final RtcProvider provider;
    private final EventSink sink;
    private final SnapshotStore store;
    private final PollConfig config;
    private final Scheduler timer;
    private final RoomQueue queue;
    private final SweepStats stats;
    private final EngineMetrics metrics;
    private volatile AppState committed;
    private volatile @Nullable AppSession session;
    /** Member answers waiting for attribution, as of the last committed batch (see {@link Attribution}). */
    private volatile HeldAnswers held = HeldAnswers.none();
    /** Live incarnations that had a member answer diffed (for {@link io.roomwatch.model.AttributionMode#EAGER}). */
    private volatile Set<RoomRef> answered = Set.of();
    /** By room id: members a capped member list did not confirm, for rooms whose last list was capped. */
    private final Map<String, Integer> capped = new HashMap<>();

    /** Callbacks for this app; {@link Flux#never()} when it takes none. */
    private final Flux<Delivery> callbacks;
    /** Whether the app takes callbacks: only then does the diff keep evidence times (see {@link Batch.Rules}). */
    private final boolean pushes;
    /** By receipt: deliveries taken into a batch and not yet settled (bounded by the receiver's queue and batches). */
    private final Map<Long, Delivery> unsettled = new ConcurrentHashMap<>();

    private volatile Instant startedAt;
    private volatile long lastSweepMillis;
    private volatile long lastPruneMillis;
    private volatile boolean restored;

    private AppPoller(
            RtcProvider provider,
            EventSink sink,
            SnapshotStore store,
            PollConfig config,
            Scheduler timer,
            EngineMetrics metrics,
            Flux<Delivery> callbacks,
            boolean pushes) {
        this.provider = provider;
        this.callbacks = callbacks;
        this.pushes = pushes;
        this.sink = sink;
        this.store = store;
        this.config = config;
        this.timer = timer;
        this.queue = new RoomQueue(
                config.hotWindow().toMillis(),
                config.hotWeight(),
                config.maxStaleness().toMillis(),
                config.memberSchedule() == MemberSchedule.NEWS,
                config.minRoomInterval().toMillis(),
                provider.traits().memberRefresh().toMillis(),
                config.reconcileInterval().toMillis());
        this.stats = new SweepStats(0);
        this.metrics = metrics;
        this.committed = AppState.empty(provider.app());
        this.startedAt = Instant.EPOCH;
    }

    /**
     * A poller for {@code provider}'s app.
     *
     * @param timer all time (ticks, delays, timestamps) comes from here; a {@code VirtualTimeScheduler} in tests
     */
    public static AppPoller create(
            RtcProvider provider, EventSink sink, SnapshotStore store, PollConfig config, Scheduler timer) {
        return create(provider, sink, store, config, timer, new SimpleMeterRegistry());
    }

    /**
     * A poller for {@code provider}'s app that publishes its meters to {@code registry}, tagged {@code provider} and
     * {@code app}: {@code roomwatch.sweeps}, {@code roomwatch.member.polls} ({@code outcome}), {@code
     * roomwatch.rooms.live}, {@code roomwatch.members.present}, {@code roomwatch.events} ({@code type}), {@code
     * roomwatch.commits} ({@code outcome}), {@code roomwatch.commit.latency}, {@code roomwatch.detection.lag} (seconds
     * from {@code observedAt} to commit), {@code roomwatch.member.reads} ({@code api}, {@code outcome}: news, same). The vendor meters of the provider's rate budgets are bound where the app is
     * wired ({@link io.roomwatch.provider.VendorMeters}). Durations come from {@code timer}.
     *
     * @param timer all time (ticks, delays, timestamps, durations) comes from here; virtual in tests
     * @param registry where the meters go; one registry may serve many pollers (their tags differ)
     */
    public static AppPoller create(
            RtcProvider provider,
            EventSink sink,
            SnapshotStore store,
            PollConfig config,
            Scheduler timer,
            MeterRegistry registry) {
        return new AppPoller(provider, sink, store, config, timer, metrics(provider, registry), Flux.never(), false);
    }

    /**
     * A poller that also takes {@code callbacks}: each delivery's {@link io.roomwatch.model.Pushed} observations are
     * diffed with the polls' in the same batches (origin {@code callback}), and the delivery is settled once the batch
     * it went into is committed (or changed nothing); deliveries still unsettled when the app stops are failed, so the
     * vendor retries. A push waiting for attribution is settled with its batch too: polling covers it from there.
     *
     * @param callbacks the app's deliveries ({@link io.roomwatch.callback.CallbackSource#deliveries}); subscribed once
     */
    public static AppPoller create(
            RtcProvider provider,
            EventSink sink,
            SnapshotStore store,
            PollConfig config,
            Scheduler timer,
            MeterRegistry registry,
            Flux<Delivery> callbacks) {
        return new AppPoller(provider, sink, store, config, timer, metrics(provider, registry), callbacks, true);
    }

    private static EngineMetrics metrics(RtcProvider provider, MeterRegistry registry) {
        return new EngineMetrics(registry, provider.app(), provider.traits().memberApi());
    }

    /** The app this poller watches. */
    public AppKey app() {
        return provider.app();
    }

    /** Whether the state was restored and polling started: the app is ready (health checks). */
    public boolean isRestored() {
        return restored;
    }

    /** The last committed state (for metrics and tests). */
    public AppState state() {
        return committed;
    }

    /**
     * Restores the app's state from the store, then polls until cancelled. Lazy: nothing happens before
     * subscription; subscribe once. Emits one report per committed batch, after it is durable, on the timer's or the
     * sink's threads. Ends only with an error: {@link VendorRejected}, or a {@link SinkFailure} that is not retriable (fenced by another instance, refused by the broker).
     *
     * <p>A restore that fails in a way retrying can fix (Kafka not reachable yet, as when a pod starts before its
     * broker) is retried with capped exponential backoff on the timer, a WARN per attempt; meanwhile the app is not
     * ready ({@link #isRestored()} false) and does not poll.
     */
    public Flux<CycleReport> run() {
        return sink.open(app())
                .retryWhen(startRetry("open the app for writing"))
                .doOnNext(opened -> session = opened)
                // after opening: older instances are fenced and what they left open is settled
                .then(Mono.defer(() -> store.load(app())).retryWhen(startRetry("restore the state")))
                .doOnNext(this::restore)
                .thenMany(Flux.defer(() -> Flux.merge(cycles(), session().lost().thenMany(Flux.empty()))))
                .doFinally(signal -> unsettle(new IllegalStateException(app() + " stopped (" + signal + ")")))
                .checkpoint("app=" + app());
    }

    private AppSession session() {
        AppSession opened = session;
        if (opened == null) {
            throw new IllegalStateException(app() + ": the sink session is not open");
        }
        return opened;
    }

    private void restore(AppState state) {
        committed = state;
        startedAt = Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
        synchronized (this) {
            queue.sync(state);
            stats.restart(startedAt.toEpochMilli());
        }
        restored = true;
        log.info("{}: restored {} live rooms, {} members", app(), state.live().size(), SweepStats.members(state));
    }

    private Flux<CycleReport> cycles() {
        return Flux.merge(1, sweeps(), memberPolls(), pushes())
                .bufferTimeout(config.maxBatch(), config.maxBatchDelay(), timer, true)
                .concatMap(this::commit, 0);
    }

    // ---- sweeps

    private Flux<Observation> sweeps() {
        return Flux.interval(Duration.ZERO, config.sweepInterval(), timer)
                .onBackpressureDrop(tick -> log.debug("{}: sweep still running, tick {} skipped", app(), tick))
                .concatMap(tick -> sweepOnce(), 0);
    }

    private Flux<Observation> sweepOnce() {
        long started = timer.now(TimeUnit.MILLISECONDS);
        return provider.rooms(createdSince())
                .flatMapMany(sweep -> Absences.confirm(provider, committed, sweep, config.probeConcurrency()))
                .doOnComplete(() -> swept(started))
                .onErrorResume(Failures::transientVendor, e -> Failures.skip(app(), "room sweep", e));
    }

    private void swept(long started) {
        lastSweepMillis = timer.now(TimeUnit.MILLISECONDS) - started;
        metrics.swept(lastSweepMillis);
    }

    /** Volcengine lists rooms by creation time: continue where the last complete window ended. */
    private Instant createdSince() {
        Instant watermark = committed.listedUntil();
        return watermark != null ? watermark : startedAt.minus(config.initialLookback());
    }

    // ---- callbacks

    /** How many deliveries may wait for their confirming probe at once. */
    private static final int PUSH_CONCURRENCY = 8;
    /** How long a room's confirming probe waits for more of its callbacks to share it. */
    private static final Duration PROBE_GATHER = Duration.ofMillis(100);
    /** By room id: the confirming probe waiting to start (at most one per room; removed as it starts). */
    private final Map<String, Mono<Observation>> gathering = new ConcurrentHashMap<>();

    private Flux<Observation> pushes() {
        return callbacks.flatMap(
                delivery -> {
                    delivery.pushes().forEach(push -> unsettled.put(push.receipt(), delivery));
                    synchronized (this) {
                        queue.pushed(delivery.pushes().get(0).room(), timer.now(TimeUnit.MILLISECONDS));
                    }
                    return Flux.<Observation>fromIterable(delivery.pushes()).concatWith(confirm(delivery));
                },
                PUSH_CONCURRENCY,
                1);
    }

    /**
     * Where a probe names the live incarnation (Tencent {@code get_room_info}), a probe right after a member callback
     * proves the room's incarnation was still live after the callback's moment, so the push is attributed within a
     * round trip instead of at the next sweep (see {@link Attribution}). A failed probe proves nothing.
     */
    private Mono<Observation> confirm(Delivery delivery) {
        if (!provider.traits().probeNamesIncarnation()) {
            return Mono.empty();
        }
        Pushed first = delivery.pushes().get(0);
        RoomState live = committed.live().get(first.room().roomId());
        if (live == null || !first.change().isMember()) {
            return Mono.empty(); // a creation names its incarnation; a destroy ends it; an unknown room: the sweep
        }
        // callbacks of one room that arrive while its probe waits to start share that probe: it starts after all of
        // them, so it proves the incarnation live after each one's moment, for one call instead of one per callback
        String roomId = first.room().roomId();
        boolean[] mine = {false};
        Mono<Observation> probe = gathering.computeIfAbsent(roomId, id -> {
            mine[0] = true;
            return Mono.delay(PROBE_GATHER, timer).then(Mono.defer(() -> {
                gathering.remove(id);
                return provider.probe(live.ref())
                        .onErrorResume(
                                Failures::transientVendor, e -> Failures.skip(app(), "probe of " + live.ref(), e));
            }));
        });
        return mine[0] ? probe : Mono.empty();
    }

    /** After a batch was committed or changed nothing: the callbacks it carried are durable. */
    private void settle(List<Observation> observations) {
        for (Observation observation : observations) {
            if (observation instanceof Pushed push) {
                Delivery delivery = unsettled.remove(push.receipt());
                if (delivery != null) {
                    delivery.settled();
                }
            }
        }
    }

    private void unsettle(Throwable why) {
        unsettled.values().forEach(delivery -> delivery.fail(why));
        unsettled.clear();
    }

    // ---- member polls

    private Flux<Observation> memberPolls() {
        int lanes = config.memberConcurrency();
        return Flux.range(0, lanes)
                .flatMap(lane -> Flux.defer(this::pollNextRoom).repeat(), lanes, 1);
    }

    private Flux<Observation> pollNextRoom() {
        Optional<RoomRef> next;
        synchronized (this) {
            next = queue.next(timer.now(TimeUnit.MILLISECONDS));
            next.ifPresent(ref -> stats.memberCall());
        }
        if (next.isEmpty()) {
            return Mono.delay(idle(), timer).thenMany(Flux.empty()); // no room waiting: look again shortly
        }
        RoomRef ref = next.get();
        long started = timer.now(TimeUnit.MILLISECONDS);
        return provider.members(ref)
                .doOnNext(answer -> answered(ref, answer, started))
                .onErrorResume(Failures::transientVendor, e -> failedPoll(ref, e, started))
                .flatMapMany(answer -> Flux.concat(Mono.just(answer), identify(ref, answer)))
                .doOnTerminate(() -> done(ref)) // before repeat() resubscribes: the room may be picked again
                .doOnCancel(() -> done(ref));
    }

    /**
     * Where a probe names the live incarnation, one made right after an answer that may change something proves
     * which incarnation the answer belongs to, so it is attributed within a round trip instead of at the next sweep.
     * A failed probe proves nothing: the answer waits for the next sweep.
     */
    private Mono<Observation> identify(RoomRef ref, Observation answer) {
        if (!provider.traits().probeNamesIncarnation() || !(answer instanceof MemberList list) || !mayChange(list)) {
            return Mono.empty();
        }
        return provider.probe(ref)
                .onErrorResume(Failures::transientVendor, e -> Failures.skip(app(), "probe of " + ref, e));
    }

    /** Whether {@code list} differs from the committed members, or must wait behind answers already waiting. */
    private boolean mayChange(MemberList list) {
        String roomId = list.room().key().roomId();
        RoomState room = committed.live().get(roomId);
        return room == null
                || !room.ref().equals(list.room())
                || !room.members().keySet().equals(list.members().keySet())
                || held.queues().containsKey(roomId);
    }

    /**
     * How long a lane with no room waiting sleeps: until the first resting room may be read, but at most {@link #IDLE}
     * (new rooms arrive with sweeps), and at least 1 ms.
     */
    private synchronized Duration idle() {
        long wait = queue.nextDue() - timer.now(TimeUnit.MILLISECONDS);
        return Duration.ofMillis(Math.max(1, Math.min(IDLE.toMillis(), wait)));
    }

    private void answered(RoomRef ref, Observation answer, long started) {
        if (answer instanceof RoomGone) {
            polled(PollOutcome.GONE, started);
            return;
        }
        polled(PollOutcome.OK, started);
        if (answer instanceof MemberList list) {
            boolean news;
            synchronized (this) {
                news = queue.answered(ref, started, timer.now(TimeUnit.MILLISECONDS), fingerprint(list));
            }
            metrics.answer(news);
        }
    }

    /** What tells two answers of a room apart: who is listed, and whether the list was whole. */
    private static int fingerprint(MemberList list) {
        return 31 * list.members().keySet().hashCode() + list.completeness().ordinal();
    }

    private Mono<Observation> failedPoll(RoomRef ref, Throwable error, long started) {
        polled(PollOutcome.FAILED, started);
        return Failures.skip(app(), "members of " + ref, error);
    }

    private void polled(PollOutcome outcome, long started) {
        metrics.polled(outcome, timer.now(TimeUnit.MILLISECONDS) - started);
    }

    private synchronized void done(RoomRef ref) {
        queue.done(ref, timer.now(TimeUnit.MILLISECONDS));
    }

    // ---- commit

    private Mono<CycleReport> commit(List<Observation> observations) {
        long started = timer.now(TimeUnit.MILLISECONDS); // concatMap calls this when it takes the batch
        return Mono.defer(() -> diffAndCommit(observations))
                .doOnError(e -> metrics.commitFailed())
                .onErrorResume(
                        SinkInDoubt.class,
                        e -> session().settle().then(reload()).then(Mono.error(e)))
                .retryWhen(commitRetry())
                .map(batch -> accept(batch, observations.size(), started))
                .doOnNext(report -> settle(observations))
                .flatMap(report -> forgetOldHistory().thenReturn(report));
    }

    /**
     * Keeps state bounded: at most every {@link #pruneEvery()}, ended incarnations older than {@link
     * PollConfig#historyHorizon()} are forgotten, in the store (tombstones or smaller values, one transaction) and
     * then in memory. Runs between two batches, so it never overlaps a commit. A failure that retrying can fix is
     * only logged (pruning waits for the next turn); a fatal one ends the app like any commit.
     */
    private Mono<Void> forgetOldHistory() {
        long now = timer.now(TimeUnit.MILLISECONDS);
        if (now - lastPruneMillis < pruneEvery().toMillis()) {
            return Mono.empty();
        }
        lastPruneMillis = now;
        Instant cutoff = Instant.ofEpochMilli(now).minus(config.historyHorizon());
        AppState before = committed;
        AppState pruned = before.forgetRetiredBefore(cutoff);
        if (pruned == before) {
            return Mono.empty(); // nothing that old: no transaction
        }
        return session()
                .commit(StateChange.between(before, pruned), List.of())
                .then(Mono.fromRunnable(() -> pruned(before, pruned, cutoff)))
                .onErrorResume(
                        e -> e instanceof SinkFailure failure && failure.isRetriable(),
                        e -> Failures.skip(app(), "forgetting history before " + cutoff, e))
                .then();
    }

    private synchronized void pruned(AppState before, AppState pruned, Instant cutoff) {
        committed = pruned;
        log.info(
                "{}: forgot ended incarnations before {}: {} -> {} room ids remembered",
                app(),
                cutoff,
                before.retired().size(),
                pruned.retired().size());
    }

    /** How often history is pruned: hourly, or more often for short horizons. */
    private Duration pruneEvery() {
        Duration tenth = config.historyHorizon().dividedBy(10);
        return tenth.compareTo(Duration.ofHours(1)) < 0 ? tenth : Duration.ofHours(1);
    }

    /** Diffs against the state committed now (it changes after a reload), then makes the batch durable. */
    private Mono<Batch> diffAndCommit(List<Observation> observations) {
        Batch.Rules rules =
                new Batch.Rules(config.leaveAfterMisses(), config.attribution(), config.maxHold(), answered, pushes);
        Batch batch = Batch.diff(committed, held, observations, rules);
        if (batch.transitions().isEmpty()) {
            return Mono.just(batch);
        }
        return session()
                .commit(new StateChange(committed, batch.next(), batch.touched()), batch.events())
                .thenReturn(batch);
    }

    /** After an in-doubt commit, once the session settled it: what is committed now. */
    private Mono<AppState> reload() {
        return store.load(app()).doOnNext(state -> {
            committed = state;
            synchronized (this) {
                queue.sync(state);
            }
            log.warn(
                    "{}: commit outcome was in doubt; state reloaded ({} live rooms)",
                    app(),
                    state.live().size());
        });
    }

    private Retry startRetry(String what) {
        return Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(config.commitRetryMaxBackoff())
                .scheduler(timer)
                .filter(e -> e instanceof SinkFailure failure && failure.isRetriable())
                .doBeforeRetry(s -> log.warn(
                        "{}: cannot {} yet (attempt {}), retrying with backoff up to {}; not ready: {}",
                        app(),
                        what,
                        s.totalRetries() + 1,
                        config.commitRetryMaxBackoff(),
                        s.failure().getMessage()));
    }

    private Retry commitRetry() {
        return Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                .maxBackoff(config.commitRetryMaxBackoff())
                .scheduler(timer)
                .filter(e -> e instanceof SinkFailure failure && failure.isRetriable())
                .doBeforeRetry(s -> log.warn(
                        "{}: commit failed, redoing the batch: {}",
                        app(),
                        s.failure().toString()));
    }

    private synchronized CycleReport accept(Batch batch, int observations, long started) {
        committed = batch.next();
        held = batch.held();
        answered = stillLive(answered, batch.answered(), committed);
        noteCapped(batch.capped(), committed);
        long now = timer.now(TimeUnit.MILLISECONDS);
        metrics.state(committed);
        metrics.attribution(batch.attribution(), held.size());
        if (!batch.transitions().isEmpty()) {
            metrics.committed(batch.events(), now - started, now);
        }
        queue.sync(committed);
        batch.changedRooms().forEach(ref -> queue.changed(ref, now));
        stats.count(batch.events());
        if (batch.sweeps() > 0) {
            log.info(stats.summarize(committed, lastSweepMillis, now));
        }
        return new CycleReport(
                app(), observations, batch.events(), committed.live().size(), SweepStats.members(committed));
    }

    /** {@code before} and {@code added}, without incarnations that are no longer live. */
    private static Set<RoomRef> stillLive(Set<RoomRef> before, Set<RoomRef> added, AppState state) {
        if (added.isEmpty() && before.size() <= state.live().size()) {
            return before;
        }
        Set<RoomRef> kept = new HashSet<>();
        for (Set<RoomRef> refs : List.of(before, added)) {
            for (RoomRef ref : refs) {
                RoomState live = state.live().get(ref.key().roomId());
                if (live != null && live.ref().equals(ref)) {
                    kept.add(ref);
                }
            }
        }
        return Set.copyOf(kept);
    }

    private void noteCapped(Map<String, Integer> lists, AppState state) {
        lists.forEach((roomId, unconfirmed) -> {
            if (unconfirmed > 0 || state.live().containsKey(roomId)) {
                capped.put(roomId, unconfirmed);
            }
        });
        capped.entrySet().removeIf(e -> e.getValue() == 0 || !state.live().containsKey(e.getKey()));
        metrics.capped(
                capped.size(),
                capped.values().stream().mapToInt(Integer::intValue).sum());
    }
}
