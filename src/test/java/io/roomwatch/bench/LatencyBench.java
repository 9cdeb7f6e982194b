package io.roomwatch.bench;

import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.config.PollConfig;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.CallCounts;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.kafka.KafkaEventSink;
import io.roomwatch.kafka.KafkaSnapshotStore;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.EventType;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.poll.AppPoller;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import io.roomwatch.testing.WatchedSink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Figure 3: detection latency, from a true join or leave in the emulator (its change log's timestamp) to the commit of
 * the matching event in Kafka (the exactly-once transaction holding it completed), with N live TUILiveKit rooms and
 * the {@code get_member_list} budget Q = 200/s, everything on real time: the emulator enforcing the documented limits
 * (without the vendor's 40 s member-list staleness, which is the vendor's, not ours), the real client, the real
 * engine ({@link AppPoller}) and the real Kafka sink on the embedded broker.
 *
 * <p>Activity: each change is a join of a new user or a leave of a user whose join was already committed, in a room
 * drawn uniformly (or, skewed, 90 % of changes in 1 % of the rooms). Changes start after every room was polled once.
 */
public final class LatencyBench {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APP_ID = Long.toString(EmulatorConfig.DEMO_SDK_APP_ID);
    private static final int Q = TencentLiveSource.ROOM_API_QPS;

    private LatencyBench() {}

    /** One configuration to measure. */
    public record Case(
            String label, int rooms, double changesPerSecond, double busyShare, int hotWeight, double seconds) {}

    /** What one case measured; latencies in seconds. */
    public record Outcome(
            Case c,
            int samples,
            int undetected,
            double p50,
            double p90,
            double p99,
            double max,
            double memberCallsPerSecond,
            long throttled,
            double warmUpSeconds,
            @Nullable Double busyP50,
            @Nullable Double quietP50) {
        double floor() {
            return c.rooms() / (double) Q;
        }

        double target() {
            return 1.1 * floor() + 1;
        }
    }

    public static void run(BenchContext ctx) throws InterruptedException {
        List<Case> cases = new ArrayList<>();
        if (ctx.full()) {
            boolean big = !"false".equals(System.getProperty("bench.latency.10000", "true"));
            cases.add(new Case("uniform, round robin", 100, 10, 0, 1, 30));
            cases.add(new Case("uniform, adaptive (default)", 100, 10, 0, 4, 30));
            cases.add(new Case("uniform, round robin", 1_000, 20, 0, 1, 40));
            cases.add(new Case("uniform, adaptive (default)", 1_000, 20, 0, 4, 40));
            cases.add(new Case("skewed, round robin", 1_000, 10, 0.9, 1, 40));
            cases.add(new Case("skewed, adaptive (default)", 1_000, 10, 0.9, 4, 40));
            if (big) {
                cases.add(new Case("uniform, round robin", 10_000, 10, 0, 1, 150));
                cases.add(new Case("uniform, adaptive (default)", 10_000, 10, 0, 4, 150));
            }
        } else {
            cases.add(new Case("skewed, round robin", 100, 10, 0.9, 1, 4));
            cases.add(new Case("skewed, adaptive (default)", 100, 10, 0.9, 4, 4));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            Outcome o = measure(ctx, c);
            outcomes.add(o);
            Map<String, Object> d = details(o);
            boolean uniform = c.busyShare() == 0; // the target holds for both policies (RoomQueue's fair bound)
            ctx.results()
                    .add(
                            "latency." + c.rooms() + "." + c.label().replaceAll("[^a-z]+", "-"),
                            Results.f("Detection latency p50 / p99, N=%d, Q=%d/s, %s", c.rooms(), Q, c.label()),
                            uniform ? Results.f("p99 <= %.2f s (1.1 N/Q + 1)", o.target()) : "-",
                            Results.f("%.2f s / %.2f s (floor N/Q %.2f s)", o.p50(), o.p99(), o.floor()),
                            ctx.full() && uniform ? o.p99() <= o.target() : null,
                            d);
        }
        Outcome rr = find(outcomes, 0.9, 1);
        Outcome adaptive = find(outcomes, 0.9, 4);
        if (rr != null && adaptive != null) {
            double gain = rr.p50() / adaptive.p50();
            ctx.results()
                    .add(
                            "latency.skewed.gain",
                            Results.f(
                                    "Skewed activity (N=%d): round-robin p50 / adaptive p50",
                                    rr.c().rooms()),
                            ">= 2",
                            Results.f("%.2fx (%.2f s vs %.2f s)", gain, rr.p50(), adaptive.p50()),
                            ctx.full() ? gain >= 2 : null,
                            Map.of("roundRobin", details(rr), "adaptive", details(adaptive)));
        }
        List<Outcome> drawn = ctx.full()
                ? Remembered.merge(ctx.results().dir().resolve("latency-outcomes.json"), outcomes)
                : outcomes;
        Path png = ctx.full()
                ? ctx.chartDir().resolve("latency.png")
                : ctx.results().dir().resolve("latency.png");
        LatencyChart.draw(drawn, Q, png);
        System.out.println("chart written to " + png.toAbsolutePath() + " (" + drawn.size() + " cases)");
    }

    /** Outcomes of earlier full runs (e.g. the long N = 10 000 case run on its own), so the chart shows them all. */
    static final class Remembered {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static List<Outcome> merge(Path file, List<Outcome> now) {
            Map<String, Outcome> byCase = new LinkedHashMap<>();
            try {
                if (java.nio.file.Files.exists(file)) {
                    for (Outcome o : JSON.readValue(file.toFile(), Outcome[].class)) {
                        byCase.put(o.c().rooms() + "/" + o.c().label(), o);
                    }
                }
                now.forEach(o -> byCase.put(o.c().rooms() + "/" + o.c().label(), o));
                java.nio.file.Files.createDirectories(file.getParent());
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), byCase.values());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return List.copyOf(byCase.values());
        }
    }

    private static Outcome find(List<Outcome> outcomes, double busyShare, int hotWeight) {
        return outcomes.stream()
                .filter(o -> o.c().busyShare() == busyShare && o.c().hotWeight() == hotWeight)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> details(Outcome o) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rooms", o.c().rooms());
        d.put("Q", Q);
        d.put("floorSeconds", o.floor());
        d.put("targetSeconds", o.target());
        d.put(
                "policy",
                o.c().hotWeight() == 1
                        ? "round robin (hotWeight 1)"
                        : "adaptive (hotWeight " + o.c().hotWeight() + ")");
        d.put(
                "activity",
                o.c().busyShare() == 0
                        ? "uniform"
                        : Results.f("%.0f%% of changes in 1%% of rooms", o.c().busyShare() * 100));
        d.put("changesPerSecond", o.c().changesPerSecond());
        d.put("measuredSeconds", o.c().seconds());
        d.put("warmUpSeconds", o.warmUpSeconds());
        d.put("samples", o.samples());
        d.put("undetectedAtEnd", o.undetected());
        d.put("p50", o.p50());
        d.put("p90", o.p90());
        d.put("p99", o.p99());
        d.put("max", o.max());
        d.put("memberCallsPerSecond", o.memberCallsPerSecond());
        d.put("memberCallsThrottledWhileMeasuring", o.throttled());
        if (o.c().busyShare() > 0) {
            d.put("p50 of changes in busy rooms", o.busyP50());
            d.put("p50 of changes in quiet rooms", o.quietP50());
        }
        return d;
    }

    static Outcome measure(BenchContext ctx, Case c) throws InterruptedException {
        Scheduler timer = Schedulers.parallel();
        EmulatorConfig config =
                EmulatorConfig.demo().withStaleness(Staleness.none()).withChangeLogCapacity(1_000_000);
        RunningEmulator emulator = VendorEmulator.create(config, timer).start().block(WAIT);
        VendorHttp http = VendorHttp.create("bench-latency", HttpSettings.defaults(), timer);
        KafkaSinkConfig kafka = KafkaSinkConfig.defaults(ctx.bootstrap())
                .withEventsTopic(ctx.unique("latency-events"))
                .withStateTopic(ctx.unique("latency-state"))
                .withTransactionalIdPrefix(ctx.unique("latency") + "-");
        KafkaEventSink sink = KafkaEventSink.create(kafka, timer);
        TimedSink timed = new TimedSink(sink);
        Disposable poller = null;
        try {
            SplittableRandom random = new SplittableRandom(c.rooms() * 31L + c.hotWeight());
            List<RoomAddress> rooms = new ArrayList<>();
            Map<RoomAddress, List<String>> leavable = new HashMap<>();
            // rooms start empty: a first poll that finds members would make every room "hot" for the hot window
            // (60 s), and the adaptive policy would be measured while it cannot tell busy rooms from quiet ones
            int initialMembers = 0;
            for (int i = 0; i < c.rooms(); i++) {
                RoomAddress key =
                        RoomAddress.of(Vendor.TENCENT_LIVE, APP_ID, String.format(Locale.ROOT, "room-%05d", i));
                emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, APP_ID, key.roomId()));
                for (int m = 0; m < initialMembers; m++) {
                    emulator.world().join(key, Populations.userId(random), false);
                }
                rooms.add(key);
                leavable.put(key, new ArrayList<>());
            }
            TencentAccount account = TencentAccount.of(
                            EmulatorConfig.DEMO_SDK_APP_ID,
                            EmulatorConfig.DEMO_ADMINISTRATOR,
                            Secret.of(EmulatorConfig.DEMO_TENCENT_KEY),
                            "singapore")
                    .withBaseUrl(URI.create(emulator.baseUrl()));
            TencentLiveProvider provider = TencentLiveProvider.create(
                    TencentLiveSource.of(account).withMemberRefresh(Duration.ZERO), http, timer); // staleness off here
            PollConfig poll = PollConfig.defaults().withHotWeight(c.hotWeight());
            AppPoller engine = AppPoller.create(provider, timed, KafkaSnapshotStore.create(kafka), poll, timer);
            long w0 = System.nanoTime();
            AtomicLong failed = new AtomicLong();
            poller = engine.run().subscribe(report -> {}, e -> {
                failed.incrementAndGet();
                System.err.println("poller stopped: " + e);
            });
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(60 + 4L * c.rooms() / Q).toNanos();
            while (engine.state().live().size() < c.rooms()) { // every room listed by a sweep and committed
                check(
                        deadline,
                        failed,
                        "warm-up: " + engine.state().live().size() + " of " + c.rooms() + " rooms live");
                Thread.sleep(100);
            }
            long polled0 = emulator.calls(Api.LIVE_GET_MEMBER_LIST).served();
            while (emulator.calls(Api.LIVE_GET_MEMBER_LIST).served() - polled0 < c.rooms() + 8) { // never-polled first
                check(deadline, failed, "warm-up: first polls");
                Thread.sleep(100);
            }
            double warmUp = (System.nanoTime() - w0) / 1e9;
            timed.committedJoins.clear();
            long seq0 = latestSeq(emulator);
            // who may leave: members whose join is committed (the initial ones now)
            for (TrueRoom r : emulator.world().rooms(Vendor.TENCENT_LIVE, APP_ID)) {
                r.members().forEach(m -> leavable.get(r.key()).add(m.userId()));
            }
            List<RoomAddress> busy = rooms.subList(0, Math.max(1, c.rooms() / 100));
            List<RoomAddress> quiet = rooms.subList(busy.size(), rooms.size());
            CallCounts calls0 = emulator.calls(Api.LIVE_GET_MEMBER_LIST);
            long m0 = System.nanoTime();
            long spacing = (long) (1e9 / c.changesPerSecond());
            long end = m0 + (long) (c.seconds() * 1e9);
            long nextAt = m0;
            while (nextAt < end) {
                long sleep = nextAt - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
                for (String[] joined; (joined = timed.committedJoins.poll()) != null; ) {
                    RoomAddress key = RoomAddress.of(Vendor.TENCENT_LIVE, APP_ID, joined[0]);
                    leavable.get(key).add(joined[1]);
                }
                List<RoomAddress> from =
                        c.busyShare() > 0 && (quiet.isEmpty() || random.nextDouble() < c.busyShare()) ? busy : quiet;
                if (c.busyShare() == 0) {
                    from = rooms;
                }
                RoomAddress room = from.get(random.nextInt(from.size()));
                List<String> present = leavable.get(room);
                if (!present.isEmpty() && random.nextBoolean()) {
                    String user = present.remove(random.nextInt(present.size()));
                    emulator.world().leave(room, user);
                } else {
                    emulator.world().join(room, Populations.userId(random), false);
                }
                nextAt += spacing;
            }
            double measured = (System.nanoTime() - m0) / 1e9;
            CallCounts calls1 = emulator.calls(Api.LIVE_GET_MEMBER_LIST);
            long seq1 = latestSeq(emulator);
            // let the last changes be detected: one more polling period and then some
            long drainUntil = System.nanoTime() + (long) ((1.5 * c.rooms() / Q + 5) * 1e9);
            List<Change> changes = changes(emulator, seq0, seq1);
            while (System.nanoTime() < drainUntil && !timed.seenAll(changes)) {
                Thread.sleep(200);
            }
            double[] latencies = changes.stream()
                    .mapToDouble(ch -> {
                        Long at = timed.commits.get(
                                TimedSink.key(ch.roomId(), ch.userId(), ch.type() == ChangeType.UserJoined));
                        return at == null ? Double.NaN : (at - ch.timeMillis()) / 1000.0;
                    })
                    .filter(x -> !Double.isNaN(x))
                    .sorted()
                    .toArray();
            int undetected = changes.size() - latencies.length;
            java.util.Set<String> busyIds = new java.util.HashSet<>();
            busy.forEach(k -> busyIds.add(k.roomId()));
            double[] busyLatencies = latencies(
                    timed,
                    changes.stream().filter(ch -> busyIds.contains(ch.roomId())).toList());
            double[] quietLatencies = latencies(
                    timed,
                    changes.stream()
                            .filter(ch -> !busyIds.contains(ch.roomId()))
                            .toList());
            double callRate = (calls1.served() - calls0.served()) / measured;
            Outcome o = new Outcome(
                    c,
                    latencies.length,
                    undetected,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.90),
                    percentile(latencies, 0.99),
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1],
                    callRate,
                    calls1.throttled() - calls0.throttled(),
                    warmUp,
                    c.busyShare() > 0 ? percentile(busyLatencies, 0.5) : null,
                    c.busyShare() > 0 ? percentile(quietLatencies, 0.5) : null);
            System.out.printf(
                    Locale.ROOT,
                    "latency N=%5d %-28s %5d changes: p50 %6.2f s, p90 %6.2f s, p99 %6.2f s, max %6.2f s (floor %.2f s,"
                            + " target p99 %.2f s), %d undetected, %.1f member calls/s (%d throttled), warm-up %.1f s%s%n",
                    c.rooms(),
                    c.label(),
                    latencies.length,
                    o.p50(),
                    o.p90(),
                    o.p99(),
                    o.max(),
                    o.floor(),
                    o.target(),
                    undetected,
                    callRate,
                    o.throttled(),
                    warmUp,
                    c.busyShare() > 0
                            ? Results.f(", p50 in busy rooms %.2f s, in quiet rooms %.2f s", o.busyP50(), o.quietP50())
                            : "");
            return o;
        } finally {
            if (poller != null) {
                poller.dispose();
            }
            sink.close(Duration.ofSeconds(10)).block(WAIT);
            http.close();
            emulator.stop().block(WAIT);
        }
    }

    private static void check(long deadline, AtomicLong failed, String what) {
        if (System.nanoTime() > deadline || failed.get() > 0) {
            throw new IllegalStateException(what);
        }
    }

    /** Seconds from each change to the commit of its event, sorted; changes not (yet) committed are left out. */
    private static double[] latencies(TimedSink timed, List<Change> changes) {
        return changes.stream()
                .mapToDouble(ch -> {
                    Long at = timed.commits.get(
                            TimedSink.key(ch.roomId(), ch.userId(), ch.type() == ChangeType.UserJoined));
                    return at == null ? Double.NaN : (at - ch.timeMillis()) / 1000.0;
                })
                .filter(x -> !Double.isNaN(x))
                .sorted()
                .toArray();
    }

    private static long latestSeq(RunningEmulator emulator) {
        return emulator.world().changes(Long.MAX_VALUE - 1, 1).latestSeq();
    }

    /** The member changes with {@code from < seq <= to}. */
    private static List<Change> changes(RunningEmulator emulator, long from, long to) {
        List<Change> out = new ArrayList<>();
        long since = from;
        while (since < to) {
            ChangePage page = emulator.world().changes(since, 10_000);
            if (page.changes().isEmpty()) {
                break;
            }
            for (Change ch : page.changes()) {
                if (ch.seq() <= to && ch.userId() != null) {
                    out.add(ch);
                }
            }
            since = page.changes().get(page.changes().size() - 1).seq();
        }
        return out;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** The sink, timing the commit of every member event (wall clock when the transaction completed). */
    static final class TimedSink implements EventSink {
        final Map<String, Long> commits = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String[]> committedJoins = new ConcurrentLinkedQueue<>();
        private final AtomicLong joins = new AtomicLong();
        private final EventSink delegate;

        TimedSink(EventSink delegate) {
            this.delegate = delegate;
        }

        static String key(String roomId, String userId, boolean joined) {
            return roomId + "|" + userId + "|" + (joined ? "J" : "L");
        }

        long joinsCommitted() {
            return joins.get();
        }

        boolean seenAll(List<Change> changes) {
            return changes.stream()
                    .allMatch(ch ->
                            commits.containsKey(key(ch.roomId(), ch.userId(), ch.type() == ChangeType.UserJoined)));
        }

        @Override
        public Mono<AppSession> open(AppKey app) {
            return new WatchedSink(delegate, this::committed).open(app);
        }

        private void committed(List<PresenceEvent> events) {
            long now = System.currentTimeMillis();
            for (PresenceEvent e : events) {
                if (e.userId() == null) {
                    continue;
                }
                boolean joined = e.type() == EventType.USER_JOINED;
                commits.putIfAbsent(key(e.key().roomId(), e.userId(), joined), now);
                if (joined) {
                    joins.incrementAndGet();
                    committedJoins.add(new String[] {e.key().roomId(), e.userId()});
                }
            }
        }
    }
}
