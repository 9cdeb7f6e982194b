package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.PollConfig;
import io.roomwatch.config.RetrySettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.AppLoad;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.poll.TrueHistory.Span;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.VendorMeters;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentConferenceProvider;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.EventReplay;
import io.roomwatch.testing.RecordingEventSink;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The polling engine end to end: one {@link AppPoller} per vendor product (Volcengine, TUILiveKit, TUIRoomKit) with
 * the real clients against the in-JVM vendor emulator on 127.0.0.1, real time, a seeded churn scenario and injected
 * faults. Once the scenario goes quiet, the committed stream must (a) keep the event contract, (b) replay to the
 * emulator's true state, (c) remove nothing that did not truly end or leave, and (d) show every true membership (and
 * room) that lasted longer than twice the effective poll period while roomwatch could see it.
 *
 * <p>Staleness: the Volcengine data delay is the documented 20 s (the client's {@code dataDelay} 21 s covers it), and
 * the scenario re-uses room ids within it (issue 13): member answers must wait until the listing proves which
 * incarnation they belong to, and (e) no {@code UserJoined} may name a user who was not in that very incarnation
 * then. The TUILiveKit 40 s member-list refresh is off here (it only delays what can be seen; the refresh-aware
 * polling test covers it).
 */
@Timeout(180)
class EngineEmulatorIT {

    private static final Logger log = LoggerFactory.getLogger(EngineEmulatorIT.class);
    private static final String VOLC_APP = EmulatorConfig.DEMO_VOLCENGINE_APP;
    private static final String TENCENT_APP = Long.toString(EmulatorConfig.DEMO_SDK_APP_ID);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SWEEP = Duration.ofSeconds(2);
    private static final long VOLC_DATA_DELAY = 20_000;
    private static final long CHURN = 40_000;
    /** Network, batching (200 ms) and scheduling allowance on a shared two-core machine. */
    private static final long SLACK = 1_000;
    /** A room is listed by the next sweep, after Volcengine's data delay; TUILiveKit pages drift: two sweeps. */
    private static final Map<Vendor, Long> DISCOVERY = Map.of(
            Vendor.VOLCENGINE, SWEEP.toMillis() + VOLC_DATA_DELAY + SLACK,
            Vendor.TENCENT_LIVE, 2 * SWEEP.toMillis() + SLACK,
            Vendor.TENCENT_ROOM, SWEEP.toMillis() + SLACK);

    private static final int CONFERENCE_PAGE = 4;
    private static final List<String> WATCHED = java.util.stream.Stream.concat(
                    IntStream.rangeClosed(1, 60).mapToObj(i -> "room-" + i), java.util.stream.Stream.of("reused"))
            .toList();

    private final Scheduler timer = Schedulers.parallel();
    private final PollConfig config = PollConfig.defaults().withSweepInterval(SWEEP);
    private final Map<Vendor, Watched> apps = new EnumMap<>(Vendor.class);
    private final List<VendorHttp> clients = new ArrayList<>();
    private final List<Disposable> running = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
    private final AtomicInteger expectedMemberships = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RunningEmulator emulator;

    /**
     * One watched app.
     *
     * @param memberQps the member API's budget (permits/s)
     * @param pageSize members per member-list page (a list of more costs more permits)
     * @param listBlind spans in which new rooms could not be listed (a room-list fault until cleared)
     * @param memberBlind spans in which member lists could not be had in full (a member-list fault until cleared)
     */
    private record Watched(
            AppKey key,
            Vendor vendor,
            String app,
            RecordingEventSink sink,
            int memberQps,
            int pageSize,
            List<Span> listBlind,
            List<Span> memberBlind) {

        @Override
        public String toString() {
            return vendor.wireName() + "/" + app;
        }
    }

    @BeforeEach
    void start() {
        EmulatorConfig emulatorConfig = EmulatorConfig.demo().withStaleness(new Staleness(VOLC_DATA_DELAY, 0));
        emulator = VendorEmulator.create(emulatorConfig, timer).start().block(WAIT);
        ch.qos.logback.classic.Logger engine = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AppPoller.class);
        engine.setLevel(Level.INFO);
        engine.addAppender(engineLog);
        engineLog.start();
    }

    @AfterEach
    void stop() {
        running.forEach(Disposable::dispose);
        clients.forEach(VendorHttp::close);
        emulator.stop().block(WAIT);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AppPoller.class)).detachAppender(engineLog);
    }

    @Test
    void givenSeededChurnAndFaults_whenTheEngineWatchesAllThreeProducts_thenItsStreamTellsTheTruth() {
        long started = now();
        seedTwoPagesOfRooms();
        Flux<Object> plan = timeline(); // switches the first faults on now, before the first sweep
        watch(Vendor.VOLCENGINE, VOLC_APP, volcengine(), config, 40, 100);
        watch(Vendor.TENCENT_LIVE, TENCENT_APP, live(), config, 100, 100);
        // Offset-cursor member pages drift: a member who leaves while we page shifts the list, and a present member
        // can be skipped by a list that still ends "complete". Found by this test at K = 1 (an invented UserLeft).
        // Remedies, both on here as shipped: the client reads multi-page lists twice and unites the reads, and
        // TUIRoomKit apps default to K = 2 (a skip must repeat in 2 polls in a row, i.e. in 4 reads, to count)
        watch(
                Vendor.TENCENT_ROOM,
                TENCENT_APP,
                conference(),
                config.withLeaveAfterMisses(PollConfig.defaultsFor(io.roomwatch.model.Provider.TENCENT_CONFERENCE)
                        .leaveAfterMisses()),
                100,
                CONFERENCE_PAGE);

        plan.blockLast(Duration.ofSeconds(CHURN / 1000 + 10));
        long quiet = now();
        boolean settled = settle(Duration.ofSeconds(60));
        long settledAt = now();

        assertThat(failures).as("pollers ended with an error").isEmpty();
        for (Watched w : apps.values()) {
            check(w, started, quiet);
        }
        assertThat(vendorCalls("throttled")).as("throttled calls metered").isPositive();
        assertThat(vendorCalls("unavailable")).as("failed calls metered").isPositive();
        assertThat(settled)
                .as("every app's replay equals the truth within 60 s of quiet (Volcengine: its 20 s delay, a sweep)")
                .isTrue();
        assertThat(engineLog.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .as("one summary line per sweep and app")
                .anySatisfy(line -> assertThat(line).matches("volcengine/demo-volc-app: \\d+ rooms, .*"))
                .anySatisfy(line -> assertThat(line).matches("tencent-live/1400000001: \\d+ rooms, .*"))
                .anySatisfy(line -> assertThat(line).matches("tencent-conference/1400000001: \\d+ rooms, .*"));
        log.warn(
                "engine IT: churn {} s, settled {} ms after quiet, whole run {} s",
                CHURN / 1000,
                settledAt - quiet,
                (settledAt - started) / 1000);
    }

    // ---- set-up

    /** Two pages of finished Volcengine calls (PageSize 100) and of TUILiveKit rooms (Count 20) before the start. */
    private void seedTwoPagesOfRooms() {
        for (int i = 1; i <= 110; i++) {
            RoomAddress key = RoomAddress.of(Vendor.VOLCENGINE, VOLC_APP, "history-" + i);
            emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, key.roomId()));
            emulator.world().destroyRoom(key);
        }
        for (int i = 1; i <= 21; i++) {
            RoomAddress key = RoomAddress.of(Vendor.TENCENT_LIVE, TENCENT_APP, "static-" + i);
            emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, key.roomId()));
            emulator.world().join(key, "fan-1", false);
            emulator.world().join(key, "fan-2", false);
        }
    }

    private void watch(
            Vendor vendor, String app, RtcProvider provider, PollConfig pollConfig, int memberQps, int pageSize) {
        InMemorySnapshotStore store = new InMemorySnapshotStore();
        RecordingEventSink sink = new RecordingEventSink(store);
        VendorMeters.of(provider.budgets()).bindTo(registry); // as PollerApp binds them
        AppPoller poller = AppPoller.create(provider, sink, store, pollConfig, timer, registry);
        apps.put(
                vendor,
                new Watched(
                        provider.app(),
                        vendor,
                        app,
                        sink,
                        memberQps,
                        pageSize,
                        new CopyOnWriteArrayList<>(),
                        new CopyOnWriteArrayList<>()));
        running.add(poller.run().subscribe(report -> {}, failures::add));
    }

    private VolcengineProvider volcengine() {
        VolcengineSource source = VolcengineSource.of(
                        VOLC_APP, EmulatorConfig.DEMO_ACCESS_KEY_ID, Secret.of(EmulatorConfig.DEMO_SECRET_ACCESS_KEY))
                .withBaseUrl(URI.create(emulator.baseUrl()))
                .withOnlineUsersQps(40)
                .withDataDelay(Duration.ofMillis(VOLC_DATA_DELAY + 1_000))
                .withHttp(http())
                .withRetry(retry());
        return VolcengineProvider.create(source, client("volcengine", source.http()), timer);
    }

    private TencentLiveProvider live() {
        TencentLiveSource source = TencentLiveSource.of(account())
                .withMemberRefresh(Duration.ZERO) // the emulator's refresh is off here
                .withMemberListQps(100)
                .withHttp(http())
                .withRetry(retry());
        return TencentLiveProvider.create(source, client("tencent-live", source.http()), timer);
    }

    private TencentConferenceProvider conference() {
        TencentConferenceSource source = TencentConferenceSource.of(account(), WATCHED)
                .withMemberListQps(100)
                .withMemberPageSize(CONFERENCE_PAGE)
                .withHttp(http())
                .withRetry(retry());
        return TencentConferenceProvider.create(source, client("tencent-conference", source.http()), timer);
    }

    private TencentAccount account() {
        return TencentAccount.of(
                        EmulatorConfig.DEMO_SDK_APP_ID,
                        EmulatorConfig.DEMO_ADMINISTRATOR,
                        Secret.of(EmulatorConfig.DEMO_TENCENT_KEY),
                        "singapore")
                .withBaseUrl(URI.create(emulator.baseUrl()));
    }

    private VendorHttp client(String name, HttpSettings settings) {
        VendorHttp http = VendorHttp.create("engine-it-" + name, settings, timer);
        clients.add(http);
        return http;
    }

    private static HttpSettings http() {
        return HttpSettings.defaults().withRequestTimeout(Duration.ofSeconds(2));
    }

    private static RetrySettings retry() {
        return RetrySettings.defaults()
                .withMaxTransientRetries(3)
                .withMaxThrottledRetries(4)
                .withFirstBackoff(Duration.ofMillis(50))
                .withThrottledWait(Duration.ofMillis(200))
                .withMaxBackoff(Duration.ofSeconds(1));
    }

    // ---- the run

    /** Rooms come and go, users join, leave and flap; TUILiveKit ViewCounts move (pages drift). Seeded. */
    private static ScenarioConfig churn() {
        return new ScenarioConfig(
                2026,
                250,
                List.of(
                        new AppLoad(Vendor.VOLCENGINE, VOLC_APP, 30, 20, 0.2, 20, 12, 0.3, 0.4, 2, 0, 0, 12),
                        new AppLoad(Vendor.TENCENT_LIVE, TENCENT_APP, 30, 20, 0.2, 20, 12, 0, 0.4, 2, 0, 5, 12),
                        new AppLoad(Vendor.TENCENT_ROOM, TENCENT_APP, 24, 20, 0.2, 24, 12, 0, 0.4, 1, 0, 0, 8)));
    }

    /** Churn with faults at fixed offsets; at {@link #CHURN} the scenario stops and every fault is cleared. */
    private Flux<Object> timeline() {
        return Flux.merge(
                blind(Vendor.VOLCENGINE, true, page(Vendor.VOLCENGINE, Api.LIST_ROOM_INFO), 0, 3_000),
                blind(Vendor.TENCENT_LIVE, true, page(Vendor.TENCENT_LIVE, Api.LIVE_GET_ROOM_LIST), 0, 3_000),
                at(500, () -> emulator.startScenario(churn())),
                reuse(Vendor.VOLCENGINE, VOLC_APP, 1_000), // within the 20 s listing delay
                reuse(Vendor.TENCENT_LIVE, TENCENT_APP, 12_000),
                reuse(Vendor.TENCENT_ROOM, TENCENT_APP, 14_000),
                burst(7_000, Vendor.VOLCENGINE, Api.GET_ROOM_ONLINE_USERS, FaultKind.THROTTLE, 4),
                burst(9_000, Vendor.VOLCENGINE, Api.LIST_ROOM_INFO, FaultKind.HTTP_500, 3),
                burst(9_500, Vendor.VOLCENGINE, Api.GET_ROOM_ONLINE_USERS, FaultKind.MALFORMED_JSON, 4),
                burst(11_000, Vendor.TENCENT_LIVE, null, FaultKind.HTTP_502, 4),
                burst(11_500, Vendor.TENCENT_LIVE, Api.LIVE_GET_MEMBER_LIST, FaultKind.THROTTLE, 4),
                burst(13_000, Vendor.TENCENT_LIVE, Api.LIVE_GET_ROOM_LIST, FaultKind.MALFORMED_JSON, 3),
                burst(13_500, Vendor.TENCENT_ROOM, Api.ROOM_GET_ROOM_INFO, FaultKind.HTTP_500, 3),
                blind(
                        Vendor.TENCENT_ROOM,
                        false,
                        page(Vendor.TENCENT_ROOM, Api.ROOM_GET_ROOM_MEMBER_LIST),
                        15_000,
                        19_000),
                blind(
                        Vendor.VOLCENGINE,
                        false,
                        outage(Vendor.VOLCENGINE, Api.GET_ROOM_ONLINE_USERS, FaultKind.HTTP_502),
                        17_000,
                        19_000),
                blind(
                        Vendor.TENCENT_LIVE,
                        true,
                        outage(Vendor.TENCENT_LIVE, Api.LIVE_GET_ROOM_LIST, FaultKind.THROTTLE),
                        21_000,
                        23_000),
                burst(25_000, Vendor.TENCENT_ROOM, null, FaultKind.MALFORMED_JSON, 3),
                burst(25_500, Vendor.TENCENT_ROOM, Api.ROOM_GET_ROOM_MEMBER_LIST, FaultKind.THROTTLE, 4),
                at(CHURN, () -> {
                    emulator.stopScenario();
                    emulator.faults().clear();
                }));
    }

    /**
     * Room id {@code reused}: a first incarnation with a host for 4 s, then 1.5 s later a second one that x and y
     * join. A member answer read after the re-creation shows the second incarnation's members while the engine may
     * still believe the first is live (Volcengine lists it 20 s late): they must never be attributed to the first.
     */
    private Flux<Object> reuse(Vendor vendor, String app, long offset) {
        RoomAddress key = RoomAddress.of(vendor, app, "reused");
        return Flux.merge(
                at(offset, () -> {
                    emulator.world().createRoom(RoomSpec.of(vendor, app, key.roomId()));
                    emulator.world().join(key, "host", false);
                }),
                at(offset + 4_000, () -> emulator.world().destroyRoom(key)),
                at(offset + 5_500, () -> {
                    emulator.world().createRoom(RoomSpec.of(vendor, app, key.roomId()));
                    emulator.world().join(key, "x", false);
                }),
                at(offset + 6_500, () -> emulator.world().join(key, "y", false)));
    }

    private static Fault page(Vendor vendor, Api api) {
        return Fault.of(vendor, FaultKind.FAIL_PAGE_N).withApi(api).onPage(2).untilCleared();
    }

    private static Fault outage(Vendor vendor, Api api, FaultKind kind) {
        return Fault.of(vendor, kind).withApi(api).untilCleared();
    }

    private Mono<Object> burst(long offset, Vendor vendor, Api api, FaultKind kind, int count) {
        Fault fault = Fault.of(vendor, kind).times(count);
        return at(offset, () -> emulator.faults().add(api == null ? fault : fault.withApi(api)));
    }

    /** A fault from {@code from} to {@code to}; its span (as the emulator saw it) blinds listing or member polls. */
    private Flux<Object> blind(Vendor vendor, boolean listing, Fault fault, long from, long to) {
        long[] on = new long[2];
        Runnable add = () -> {
            on[0] = emulator.faults().add(fault);
            on[1] = now();
        };
        Runnable remove = () -> {
            emulator.faults().remove(on[0]);
            Watched w = apps.get(vendor);
            (listing ? w.listBlind() : w.memberBlind()).add(new Span(on[1], now()));
        };
        if (from == 0) {
            add.run(); // before the first sweep: the engine starts into the fault
        }
        return Flux.merge(from == 0 ? Mono.empty() : at(from, add), at(to, remove)); // offsets from the start
    }

    private Mono<Object> at(long offset, Runnable action) {
        return Mono.delay(Duration.ofMillis(offset), timer).then(Mono.fromRunnable(action));
    }

    /** Waits (bounded) until every app's replayed stream equals the emulator's truth. */
    private boolean settle(Duration atMost) {
        return Boolean.TRUE.equals(Flux.interval(Duration.ofMillis(250), timer)
                .map(tick -> apps.values().stream().allMatch(w -> replayed(w).equals(truth(w))))
                .filter(done -> done || !failures.isEmpty())
                .next()
                .timeout(atMost, Mono.just(false), timer)
                .block(atMost.plusSeconds(5)));
    }

    // ---- the checks

    private void check(Watched w, long started, long quiet) {
        expectedMemberships.set(0);
        List<PresenceEvent> events = w.sink().events();
        TrueHistory truth = TrueHistory.of(emulator.world(), w.vendor(), w.app(), roomId -> watched(w, roomId));
        TrueHistory seen = TrueHistory.emitted(events);
        long threshold = 2 * period(w, truth) + SLACK;

        assertThat(replayed(w))
                .as("%s: replayed presence equals the emulator's truth", w)
                .isEqualTo(truth(w));
        assertThat(new StreamCheck(w.toString(), truth, SLACK).inventedRemovals(events))
                .as("%s: RoomDestroyed/UserLeft without a true change behind it", w)
                .isEmpty();
        assertThat(new StreamCheck(w.toString(), truth, SLACK).inventedJoins(events))
                .as("%s: UserJoined of a user who was not in that incarnation then", w)
                .isEmpty();
        assertThat(missedMemberships(w, truth, seen, started, quiet, threshold))
                .as("%s: true memberships longer than %d ms while visible, not in the stream", w, threshold)
                .isEmpty();
        assertThat(missedRooms(w, truth, seen, started, quiet))
                .as("%s: true rooms not in the stream", w)
                .isEmpty();
        assertThat(registry
                        .find("roomwatch.events")
                        .tags(
                                "provider",
                                w.key().provider().id(),
                                "app",
                                w.key().appId())
                        .counters()
                        .stream()
                        .mapToDouble(Counter::count)
                        .sum())
                .as("%s: roomwatch.events counts every committed event", w)
                .isEqualTo(events.size());
        if (w.vendor() == Vendor.TENCENT_ROOM) {
            assertThat(truth.rooms().keySet())
                    .as("the scenario stayed within the watched room ids")
                    .isNotEmpty();
        }
        log.warn(
                "{}: {} events {}, {} true room lives, {} true memberships ({} long enough to be owed), threshold {} ms,"
                        + " blind {} / {}",
                w,
                events.size(),
                countByType(events),
                count(truth.rooms()),
                count(truth.members()),
                expectedMemberships.get(),
                threshold,
                w.listBlind(),
                w.memberBlind());
    }

    /** hotWeight·N·pages/Q: the longest a room waits for its member poll (Q halved once: injected throttles). */
    private long period(Watched w, TrueHistory truth) {
        int rooms = TrueHistory.maxConcurrent(
                truth.rooms().values().stream().flatMap(List::stream).toList());
        Map<String, List<Span>> byRoom = truth.members().entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> TrueHistory.roomOf(e.getKey()),
                        Collectors.flatMapping(e -> e.getValue().stream(), Collectors.toList())));
        int members = byRoom.values().stream()
                .mapToInt(TrueHistory::maxConcurrent)
                .max()
                .orElse(0);
        int pages = Math.max(1, (members + w.pageSize() - 1) / w.pageSize());
        if (w.vendor() == Vendor.TENCENT_ROOM && pages > 1) {
            pages *= 2; // multi-page TUIRoomKit lists are read twice
        }
        double perRoom = config.hotWeight() * rooms * pages / (w.memberQps() / 2.0);
        return Math.min((long) (perRoom * 1000), config.maxStaleness().toMillis());
    }

    private List<String> missedMemberships(
            Watched w, TrueHistory truth, TrueHistory seen, long started, long quiet, long threshold) {
        List<String> missed = new ArrayList<>();
        truth.members().forEach((member, lives) -> {
            List<Span> roomLives = truth.rooms().get(TrueHistory.roomOf(member));
            for (int i = 0; i < lives.size(); i++) {
                Span life = lives.get(i);
                long from = Math.max(Math.max(life.from(), started), visibleFrom(w, roomLives, life.from()));
                long to = Math.min(life.to(), quiet);
                if (to <= from || TrueHistory.longestClearStretch(from, to, w.memberBlind()) <= threshold) {
                    continue;
                }
                expectedMemberships.incrementAndGet();
                List<Span> emitted = seen.members().getOrDefault(member, List.of());
                List<Span> overlapping = emitted.stream()
                        .filter(s -> (life.isOpen() || s.from() <= life.to() + SLACK) && s.to() >= life.from())
                        .toList();
                boolean lastLife = i == lives.size() - 1;
                if (overlapping.isEmpty()) {
                    missed.add(w + " " + member + " true " + life + ": no UserJoined; emitted " + emitted);
                } else if (!life.isOpen() && lastLife && overlapping.stream().allMatch(Span::isOpen)) {
                    missed.add(w + " " + member + " true " + life + ": left for good, no UserLeft; emitted " + emitted);
                }
            }
        });
        return missed;
    }

    /** Volcengine lists finished calls: every room life must appear. Tencent: lives long enough to be listed. */
    private List<String> missedRooms(Watched w, TrueHistory truth, TrueHistory seen, long started, long quiet) {
        List<String> missed = new ArrayList<>();
        truth.rooms().forEach((room, lives) -> {
            for (Span life : lives) {
                long from = Math.max(life.from(), started);
                long to = Math.min(life.to(), quiet);
                boolean expected = w.vendor() == Vendor.VOLCENGINE
                        || (to > from
                                && TrueHistory.longestClearStretch(from, to, w.listBlind())
                                        > DISCOVERY.get(w.vendor()));
                if (expected && !seen.rooms().containsKey(room)) {
                    missed.add(w + " " + room + " true " + life + ": no RoomCreated");
                }
            }
        });
        return missed;
    }

    /** When roomwatch could first know the room of a membership starting at {@code at}: listed, past list faults. */
    private static long visibleFrom(Watched w, List<Span> roomLives, long at) {
        long created = roomLives.stream()
                .filter(r -> r.from() <= at && at <= r.to())
                .mapToLong(Span::from)
                .max()
                .orElse(at);
        long discovery = DISCOVERY.get(w.vendor());
        long visible = created + discovery;
        for (Span blind : w.listBlind()) {
            if (visible > blind.from() && created < blind.to()) {
                visible = Math.max(visible, blind.to() + discovery);
            }
        }
        return visible;
    }

    private static boolean watched(Watched w, String roomId) {
        return w.vendor() != Vendor.TENCENT_ROOM || WATCHED.contains(roomId);
    }

    private Map<String, Set<String>> replayed(Watched w) {
        return new EventReplay().acceptAll(w.sink().events()).presence();
    }

    private Map<String, Set<String>> truth(Watched w) {
        Map<String, Set<String>> out = new TreeMap<>();
        emulator.world().rooms(w.vendor(), w.app()).stream()
                .filter(room -> watched(w, room.key().roomId()))
                .forEach(room -> out.put(
                        room.key().roomId() + "#" + room.incarnation(),
                        room.members().stream()
                                .map(MemberState::userId)
                                .collect(Collectors.toCollection(TreeSet::new))));
        return out;
    }

    private double vendorCalls(String outcome) {
        return registry.find("roomwatch.vendor.calls").tag("outcome", outcome).functionCounters().stream()
                .mapToDouble(FunctionCounter::count)
                .sum();
    }

    private static Map<String, Long> countByType(List<PresenceEvent> events) {
        return events.stream()
                .collect(Collectors.groupingBy(e -> e.type().wireName(), TreeMap::new, Collectors.counting()));
    }

    private static long count(Map<String, List<Span>> lives) {
        return lives.values().stream().mapToLong(List::size).sum();
    }

    private long now() {
        return timer.now(TimeUnit.MILLISECONDS);
    }
}
