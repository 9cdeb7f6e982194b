package io.roomwatch.bench;

import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.PollConfig;
import io.roomwatch.config.Secret;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.emulator.AppLoad;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.EventType;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.poll.AppPoller;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.RecordingEventSink;
import io.roomwatch.testing.WatchedSink;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Figure (issue 13): what attributing member answers to incarnations costs in latency on Volcengine, whose listing is
 * about 20 s late, with room ids re-used within that delay. The real engine and client against the emulator (the
 * documented 20 s delay), the same seeded churn twice: {@code attribution: safe} (the default) and {@code eager}.
 * Per member event, the latency from the true change (the emulator's change log) to its commit; and the member events
 * that name a user who was not in that incarnation at that time (invented), which only the eager mode can produce.
 */
public final class AttributionBench {

    private AttributionBench() {}

    public static void run(BenchContext ctx) throws InterruptedException {
        long seconds = ctx.full() ? 120 : 15;
        long delay = ctx.full() ? 20_000 : 5_000;
        Map<AttributionMode, Outcome> outcomes = new LinkedHashMap<>();
        for (AttributionMode mode : AttributionMode.values()) {
            outcomes.put(mode, measure(mode, seconds, delay));
        }
        Outcome safe = outcomes.get(AttributionMode.SAFE);
        Outcome eager = outcomes.get(AttributionMode.EAGER);
        // the listing delay, up to two sweeps (the one that starts after the answer is 20 s old, and its length), polls
        double bound = delay / 1000.0 + 2 * 10 + 5;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("churnSeconds", seconds);
        d.put("listingDelayMillis", delay);
        d.put("sweepIntervalSeconds", 10);
        outcomes.forEach((mode, o) -> d.put(mode.name().toLowerCase(Locale.ROOT), o.details()));
        d.put(
                "method",
                "emulator (Volcengine, documented staleness) + real client + AppPoller, in-memory sink stamped"
                        + " at commit; latency = commit time - the emulator change log's time of the change");
        ctx.results()
                .add(
                        "attribution.volcengine",
                        "Volcengine member-event latency in rooms already listed, attribution safe vs eager ("
                                + delay / 1000 + " s listing delay, room ids re-used within it)",
                        Results.f(
                                "safe: 0 invented (latency: the cost, measured; about delay + 2 sweeps, %.0f s)",
                                bound),
                        "safe p50 " + seconds(safe.known.p50) + " / p99 " + seconds(safe.known.p99) + ", "
                                + safe.invented + " invented; eager p50 " + seconds(eager.known.p50) + " / p99 "
                                + seconds(eager.known.p99) + ", " + eager.invented
                                + " invented (all member events: safe p50 " + seconds(safe.all.p50) + ", eager "
                                + seconds(eager.all.p50) + ")",
                        ctx.full() ? safe.invented == 0 : null,
                        d);
    }

    /** Latency percentiles, seconds. */
    private record Latency(int samples, double p50, double p90, double p99, double max) {
        static Latency of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Latency(
                    sorted.size(),
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.90),
                    percentile(sorted, 0.99),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
        }
    }

    /**
     * @param known member events of changes made after the room had been listed (the attribution's own cost)
     * @param all every member event (a change right after the room was created waits for the room to be listed)
     */
    private record Outcome(Latency known, Latency all, int invented) {
        Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("inRoomsAlreadyListed", known);
            d.put("all", all);
            d.put("invented", invented);
            return d;
        }
    }

    private static boolean full(long seconds) {
        return seconds > 60;
    }

    private static Outcome measure(AttributionMode mode, long seconds, long delay) throws InterruptedException {
        Scheduler timer = Schedulers.parallel();
        EmulatorConfig config =
                EmulatorConfig.demo().withStaleness(new Staleness(delay, 0)).withChangeLogCapacity(1_000_000);
        RunningEmulator emulator = VendorEmulator.create(config, timer).start().block(Duration.ofSeconds(30));
        String app = EmulatorConfig.DEMO_VOLCENGINE_APP;
        VolcengineSource source = VolcengineSource.of(
                        app, EmulatorConfig.DEMO_ACCESS_KEY_ID, Secret.of(EmulatorConfig.DEMO_SECRET_ACCESS_KEY))
                .withBaseUrl(URI.create(emulator.baseUrl()))
                .withDataDelay(Duration.ofMillis(delay + 1_000));
        VendorHttp http = VendorHttp.create("bench-attribution", HttpSettings.defaults(), timer);
        Stamped sink = new Stamped();
        InMemorySnapshotStore store = new InMemorySnapshotStore();
        WatchedSink stamping = new WatchedSink(new RecordingEventSink(store), sink::committed);
        AppPoller engine = AppPoller.create(
                VolcengineProvider.create(source, http, timer),
                stamping,
                store,
                PollConfig.defaults().withAttribution(mode),
                timer);
        Disposable running = engine.run().subscribe(r -> {}, e -> System.err.println("poller stopped: " + e));
        try {
            emulator.startScenario(new ScenarioConfig(
                    7, 250, List.of(new AppLoad(Vendor.VOLCENGINE, app, 12, 120, 0.1, 12, 15, 0.2, 0.5, 2, 0, 0, 20))));
            Thread.sleep(seconds * 1000);
            emulator.stopScenario();
            Thread.sleep(delay + (full(seconds) ? 35_000 : 20_000)); // the listing catches up with the churn's end
        } finally {
            running.dispose();
            http.close();
        }
        List<Change> changes = new ArrayList<>();
        for (long since = 0; ; ) {
            var page = emulator.world().changes(since, 10_000);
            changes.addAll(page.changes());
            if (page.changes().isEmpty()) {
                break;
            }
            since = page.nextSince();
        }
        emulator.stop().block(Duration.ofSeconds(10));
        return outcome(changes, sink, delay + 10_000 + 1_000);
    }

    /**
     * Matches each member event with the latest true change of its kind at or before its read time. A change counts
     * as made in a room already listed when it came {@code listedAfter} ms or more after the room's creation.
     */
    private static Outcome outcome(List<Change> changes, Stamped sink, long listedAfter) {
        Map<String, List<Change>> byMember = new HashMap<>();
        Map<String, Long> created = new HashMap<>();
        for (Change c : changes) {
            if (c.type() == ChangeType.RoomCreated) {
                created.put(c.roomId() + "#" + c.incarnation(), c.timeMillis());
            }
            if (c.userId() != null) {
                byMember.computeIfAbsent(c.roomId() + "#" + c.incarnation() + "/" + c.userId(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        List<Double> latencies = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        int invented = 0;
        for (int i = 0; i < sink.events.size(); i++) {
            PresenceEvent e = sink.events.get(i);
            if (e.userId() == null
                    || e.type() == EventType.USER_LEFT
                            && e.reason() != null
                            && e.reason().id().equals("room-destroyed")) {
                continue;
            }
            ChangeType wanted = e.type() == EventType.USER_JOINED ? ChangeType.UserJoined : ChangeType.UserLeft;
            long readAt = e.observedAt().toEpochMilli();
            Change truth = null;
            for (Change c : byMember.getOrDefault(
                    e.key().roomId() + "#" + e.room().incarnation() + "/" + e.userId(), List.of())) {
                if (c.type() == wanted && c.timeMillis() <= readAt) {
                    truth = c;
                }
            }
            if (truth == null) {
                invented++;
                continue;
            }
            double latency = (sink.committedAt.get(i) - truth.timeMillis()) / 1000.0;
            latencies.add(latency);
            long roomCreated =
                    created.getOrDefault(e.key().roomId() + "#" + e.room().incarnation(), Long.MAX_VALUE);
            if (truth.timeMillis() - roomCreated >= listedAfter) {
                known.add(latency);
            }
        }
        return new Outcome(Latency.of(known), Latency.of(latencies), invented);
    }

    /** A latency for people; "n/a" when there was no sample (a smoke run may see no change in a listed room). */
    private static String seconds(double value) {
        return Double.isNaN(value) ? "n/a" : Results.f("%.1f s", value);
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Keeps every committed event with the wall-clock time its commit completed. */
    private static final class Stamped {
        final List<PresenceEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<Long> committedAt = Collections.synchronizedList(new ArrayList<>());

        synchronized void committed(List<PresenceEvent> batch) {
            long now = System.currentTimeMillis();
            for (PresenceEvent e : batch) {
                events.add(e);
                committedAt.add(now);
            }
        }
    }
}
