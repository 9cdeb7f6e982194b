package io.roomwatch.bench;

import io.roomwatch.config.MemberSchedule;
import io.roomwatch.config.PollConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.poll.AppPoller;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.FakeRtcProvider;
import io.roomwatch.testing.FakeRtcProvider.Listing;
import io.roomwatch.testing.RecordingEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Figures of issue 15: what member calls buy, {@link MemberSchedule#NEWS} beside {@link MemberSchedule#BUDGET} (the
 * policy before) in one run, on the same seeded world. The whole engine runs on virtual time against the in-memory
 * vendor ({@link FakeRtcProvider}: member calls spaced to the API's documented budget, snapshots refreshed every 40 s
 * at a phase of each room's own for TUILiveKit, live data for Volcengine / TUIRoomKit), so minutes of polling take
 * seconds. Each room changes (a member joins or leaves) at random whole seconds, {@code changeEvery} s apart on
 * average. Detection latency is from a change to the first member call that can show it (for snapshots: the first
 * call after the refresh that took the change in), measured after a warm-up in which NEWS learns the phases.
 */
final class CostBench {

    private static final AppKey LIVE = AppKey.of(Provider.TENCENT_LIVE, "1400000000");
    private static final long REFRESH = 40_000;

    private CostBench() {}

    /** One world: rooms, the member API's budget, its refresh period, how often each room changes. */
    private record World(String name, int rooms, int qps, long refreshMillis, int changeEvery) {}

    /** What one schedule did in one world, over the measured span. */
    private record Outcome(long calls, int changes, double seconds, List<Long> latencies) {

        double callsPerSecond() {
            return calls / seconds;
        }

        long percentile(double p) {
            if (latencies.isEmpty()) {
                return -1;
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
        }
    }

    static void run(BenchContext ctx) {
        boolean full = ctx.full();
        int warmup = full ? 200 : 60;
        int measured = full ? 200 : 60;
        List<World> idle = List.of(
                new World("idle.tuilivekit.n5", 5, 200, REFRESH, 0),
                new World("idle.volcengine.n5", 5, 40, 0, 0),
                new World("idle.tuilivekit.n" + (full ? 500 : 50), full ? 500 : 50, 200, REFRESH, 0),
                new World("idle.volcengine.n" + (full ? 500 : 50), full ? 500 : 50, 40, 0, 0));
        List<World> churn = List.of(
                new World("tuilivekit.n20", 20, 200, REFRESH, 20),
                new World("tuilivekit.n" + (full ? 500 : 50), full ? 500 : 50, 200, REFRESH, 20),
                new World("volcengine.n20", 20, 40, 0, 20),
                new World("volcengine.n" + (full ? 500 : 50), full ? 500 : 50, 40, 0, 20));
        for (World w : idle) {
            Outcome news = simulate(w, MemberSchedule.NEWS, warmup, measured);
            Outcome budget = simulate(w, MemberSchedule.BUDGET, warmup, measured);
            ctx.results()
                    .add(
                            "cost." + w.name(),
                            "idle member calls/s, " + w.rooms() + " rooms, no churn (NEWS vs BUDGET)",
                            "-",
                            Results.f(
                                    "%.1f/s vs %.1f/s (budget %d/s)",
                                    news.callsPerSecond(), budget.callsPerSecond(), w.qps()),
                            null,
                            details(w, news, budget));
        }
        for (World w : churn) {
            Outcome news = simulate(w, MemberSchedule.NEWS, warmup, measured);
            Outcome budget = simulate(w, MemberSchedule.BUDGET, warmup, measured);
            double reduction = (double) budget.calls() / Math.max(1, news.calls());
            boolean snapshot = w.refreshMillis() > 0;
            boolean latencyKept = news.percentile(0.5) - budget.percentile(0.5) <= 1_000
                    && news.percentile(0.99) - budget.percentile(0.99) <= 1_000;
            Boolean met = snapshot ? (Boolean) (reduction >= 10 && latencyKept) : null;
            String target =
                    snapshot ? ">= 10x fewer calls, p50/p99 within 1 s" : "calls/s <= min(budget, N / minRoomInterval)";
            if (!snapshot) {
                met = news.callsPerSecond() <= Math.min(w.qps(), w.rooms() / 1.0) * 1.02;
            }
            ctx.results()
                    .add(
                            "cost." + w.name(),
                            w.rooms() + " rooms, a change per room every ~" + w.changeEvery() + " s"
                                    + (snapshot ? ", 40 s snapshots" : ", live data"),
                            target,
                            Results.f(
                                    "%.1fx fewer calls (%.1f/s vs %.1f/s), %.1f vs %.1f calls per change,"
                                            + " p50 %d vs %d ms, p99 %d vs %d ms",
                                    reduction,
                                    news.callsPerSecond(),
                                    budget.callsPerSecond(),
                                    (double) news.calls() / Math.max(1, news.changes()),
                                    (double) budget.calls() / Math.max(1, budget.changes()),
                                    news.percentile(0.5),
                                    budget.percentile(0.5),
                                    news.percentile(0.99),
                                    budget.percentile(0.99)),
                            full ? met : null,
                            details(w, news, budget));
        }
    }

    private static Map<String, Object> details(World w, Outcome news, Outcome budget) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rooms", w.rooms());
        out.put("budgetPerSecond", w.qps());
        out.put("refreshMillis", w.refreshMillis());
        out.put("changeEverySeconds", w.changeEvery());
        out.put("measuredSeconds", news.seconds());
        out.put("news.calls", news.calls());
        out.put("budget.calls", budget.calls());
        out.put("news.changes", news.changes());
        out.put("budget.changes", budget.changes());
        out.put("news.p50Millis", news.percentile(0.5));
        out.put("news.p99Millis", news.percentile(0.99));
        out.put("budget.p50Millis", budget.percentile(0.5));
        out.put("budget.p99Millis", budget.percentile(0.99));
        out.put("minRoomInterval", "1s");
        out.put("clock", "virtual (VirtualTimeScheduler)");
        return out;
    }

    /** Runs the engine with {@code schedule} for {@code warmup + measured} virtual seconds. */
    private static Outcome simulate(World w, MemberSchedule schedule, int warmup, int measured) {
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        InMemorySnapshotStore store = new InMemorySnapshotStore();
        RecordingEventSink sink = new RecordingEventSink(store);
        FakeRtcProvider vendor = new FakeRtcProvider(LIVE, timer, Listing.COMPLETE, w.qps());
        if (w.refreshMillis() > 0) {
            vendor.snapshots(Duration.ofMillis(w.refreshMillis()));
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < w.rooms(); i++) {
            vendor.createRoom("r" + i, "1", "u" + i).phase("r" + i, random.nextLong(Math.max(1, w.refreshMillis())));
        }
        PollConfig config =
                PollConfig.defaults().withSweepInterval(Duration.ofSeconds(10)).withMemberSchedule(schedule);
        AppPoller poller = AppPoller.create(vendor, sink, store, config, timer);
        Map<String, List<Long>> changes = new LinkedHashMap<>();
        int total = warmup + measured;
        StepVerifier.Step<Void> steps = StepVerifier.withVirtualTime(
                        () -> poller.run().then(), () -> timer, 1)
                .expectSubscription();
        for (int s = 1; s <= total; s++) {
            long at = s * 1_000L;
            steps = steps.thenAwait(Duration.ofSeconds(1)).then(() -> change(vendor, w, random, changes, at));
        }
        steps.thenCancel().verify(Duration.ofMinutes(10));
        return outcome(vendor, w, changes, warmup * 1_000L, total * 1_000L);
    }

    private static void change(
            FakeRtcProvider vendor, World w, SplittableRandom random, Map<String, List<Long>> changes, long at) {
        if (w.changeEvery() == 0) {
            return;
        }
        for (int i = 0; i < w.rooms(); i++) {
            if (random.nextInt(w.changeEvery()) == 0) {
                String room = "r" + i;
                String user = "v" + (at / 1_000);
                vendor.join(room, user);
                changes.computeIfAbsent(room, k -> new ArrayList<>()).add(at);
            }
        }
    }

    /** Calls and detection latencies of changes made in [from, to - one period) (so each can be seen). */
    private static Outcome outcome(
            FakeRtcProvider vendor, World w, Map<String, List<Long>> changes, long from, long to) {
        long calls = 0;
        int counted = 0;
        List<Long> latencies = new ArrayList<>();
        long until = to - Math.max(w.refreshMillis(), 10_000) - 5_000;
        for (int i = 0; i < w.rooms(); i++) {
            String room = "r" + i;
            List<Long> made = vendor.memberCallsMillis(room);
            calls += made.stream().filter(c -> c >= from && c < to).count();
            for (long at : changes.getOrDefault(room, List.of())) {
                if (at < from || at >= until) {
                    continue;
                }
                counted++;
                long visible = w.refreshMillis() > 0 ? nextRefresh(vendor, room, at) : at;
                made.stream().filter(c -> c >= visible).findFirst().ifPresent(c -> latencies.add(c - at));
            }
        }
        return new Outcome(calls, counted, (to - from) / 1_000.0, latencies);
    }

    /** The first refresh of {@code room}'s snapshot at or after {@code at}: the one that shows a change made then. */
    private static long nextRefresh(FakeRtcProvider vendor, String room, long at) {
        long last = vendor.lastRefresh(room, at);
        return last == at ? at : last + REFRESH;
    }
}
