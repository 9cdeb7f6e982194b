package io.roomwatch.bench;

import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.CallCounts;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.RoomRef;
import io.roomwatch.provider.BudgetView;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentConferenceProvider;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Figure 2: how much of each API's rate limit the real clients use. The emulator enforces the documented limits
 * (sliding one-second windows per API and app); the real providers, with their {@link io.roomwatch.provider.budget.RateBudget}s at the documented
 * limits, are driven by 16 concurrent callers over more rooms than the budget can cover, one API at a time, on real
 * time. Measured from the emulator's own counters over a steady window (after a 2 s ramp-up): served calls per second
 * divided by the limit, and throttled answers over the whole run.
 */
public final class RateBudgetBench {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VOLC_APP = EmulatorConfig.DEMO_VOLCENGINE_APP;
    private static final String TENCENT_APP = Long.toString(EmulatorConfig.DEMO_SDK_APP_ID);
    private static final int CALLERS = 16;

    private RateBudgetBench() {}

    private record Target(Api api, int limit, BudgetView budget, Function<Integer, Mono<?>> call) {}

    public static void run(BenchContext ctx) throws InterruptedException {
        int rooms = ctx.full() ? 2_000 : 300;
        long rampMillis = 2_000;
        long windowMillis = ctx.full() ? 15_000 : 2_000;
        Scheduler timer = Schedulers.parallel();
        EmulatorConfig config = EmulatorConfig.demo().withStaleness(Staleness.none());
        RunningEmulator emulator = VendorEmulator.create(config, timer).start().block(WAIT);
        VendorHttp http = VendorHttp.create("bench-rate", HttpSettings.defaults(), timer);
        try {
            List<String> conferenceIds = new ArrayList<>();
            for (int i = 0; i < rooms; i++) {
                String id = String.format(java.util.Locale.ROOT, "room-%05d", i);
                emulator.world()
                        .createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, id).withCallId("call-" + id));
                emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, id));
                emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_ROOM, TENCENT_APP, id));
                conferenceIds.add(id);
            }
            URI base = URI.create(emulator.baseUrl());
            VolcengineProvider volc = VolcengineProvider.create(
                    VolcengineSource.of(
                                    VOLC_APP,
                                    EmulatorConfig.DEMO_ACCESS_KEY_ID,
                                    Secret.of(EmulatorConfig.DEMO_SECRET_ACCESS_KEY))
                            .withBaseUrl(base)
                            .withDataDelay(Duration.ZERO),
                    http,
                    timer);
            TencentAccount account = TencentAccount.of(
                            EmulatorConfig.DEMO_SDK_APP_ID,
                            EmulatorConfig.DEMO_ADMINISTRATOR,
                            Secret.of(EmulatorConfig.DEMO_TENCENT_KEY),
                            "singapore")
                    .withBaseUrl(base);
            TencentLiveProvider live = TencentLiveProvider.create(TencentLiveSource.of(account), http, timer);
            TencentConferenceProvider conference =
                    TencentConferenceProvider.create(TencentConferenceSource.of(account, conferenceIds), http, timer);
            List<RoomRef> volcRefs = refs(emulator, Vendor.VOLCENGINE, VOLC_APP, volc);
            List<RoomRef> liveRefs = refs(emulator, Vendor.TENCENT_LIVE, TENCENT_APP, live);
            List<RoomRef> confRefs = refs(emulator, Vendor.TENCENT_ROOM, TENCENT_APP, conference);
            Instant since = Instant.ofEpochMilli(emulator.world().now()).minus(Duration.ofHours(1));

            List<Target> targets = new ArrayList<>();
            targets.add(new Target(
                    Api.LIVE_GET_MEMBER_LIST,
                    200,
                    budget(live, "get_member_list"),
                    i -> live.members(liveRefs.get(i % rooms))));
            targets.add(new Target(
                    Api.GET_ROOM_ONLINE_USERS,
                    40,
                    volc.onlineUsersBudget(),
                    i -> volc.members(volcRefs.get(i % rooms))));
            targets.add(new Target(
                    Api.ROOM_GET_ROOM_MEMBER_LIST,
                    200,
                    budget(conference, "get_room_member_list"),
                    i -> conference.members(confRefs.get(i % rooms))));
            if (ctx.full()) {
                targets.add(new Target(Api.LIST_ROOM_INFO, 60, volc.listRoomInfoBudget(), i -> volc.rooms(since)));
                targets.add(new Target(
                        Api.LIVE_GET_ROOM_LIST, 10, budget(live, "get_room_list"), i -> live.rooms(Instant.EPOCH)));
                targets.add(new Target(
                        Api.LIVE_GET_ROOM_INFO,
                        200,
                        budget(live, "get_room_info"),
                        i -> live.probe(liveRefs.get(i % rooms))));
                targets.add(new Target(
                        Api.ROOM_GET_ROOM_INFO,
                        200,
                        budget(conference, "get_room_info"),
                        i -> conference.probe(confRefs.get(i % rooms))));
            }
            double worst = Double.MAX_VALUE;
            long throttledTotal = 0;
            Map<String, Object> all = new LinkedHashMap<>();
            for (Target t : targets) {
                Map<String, Object> d = measure(emulator, t, rampMillis, windowMillis);
                all.put(t.api().wireName() + " (" + t.api().vendor() + ")", d);
                worst = Math.min(worst, (double) d.get("use"));
                throttledTotal += (long) d.get("throttledWholeRun");
                boolean met = (double) d.get("use") >= 0.97 && (long) d.get("throttledWholeRun") == 0;
                ctx.results()
                        .add(
                                "rate." + t.api().key(),
                                "Rate-budget use, " + t.api().vendor().name().toLowerCase(java.util.Locale.ROOT) + " "
                                        + t.api().wireName() + " (" + t.limit() + "/s)",
                                ">= 0.97, 0 throttled",
                                Results.f(
                                        "%.3f, %d throttled", (double) d.get("use"), (long) d.get("throttledWholeRun")),
                                ctx.full() ? met : null,
                                d);
            }
            all.put("rooms per product", rooms);
            all.put("callers", CALLERS);
            all.put("windowSeconds", windowMillis / 1000.0);
        } finally {
            http.close();
            emulator.stop().block(WAIT);
        }
    }

    private static Map<String, Object> measure(RunningEmulator emulator, Target t, long rampMillis, long windowMillis)
            throws InterruptedException {
        CallCounts start = emulator.calls(t.api());
        long usedStart = t.budget().used();
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Disposable load = Flux.range(0, CALLERS)
                .flatMap(
                        lane -> Mono.defer(() -> t.call().apply((int) next.getAndIncrement()))
                                .onErrorResume(e -> {
                                    failures.incrementAndGet();
                                    return Mono.empty();
                                })
                                .repeat(),
                        CALLERS)
                .subscribe();
        Thread.sleep(rampMillis);
        CallCounts c0 = emulator.calls(t.api());
        long n0 = System.nanoTime();
        Thread.sleep(windowMillis);
        CallCounts c1 = emulator.calls(t.api());
        long n1 = System.nanoTime();
        load.dispose();
        Thread.sleep(300);
        CallCounts end = emulator.calls(t.api());
        double seconds = (n1 - n0) / 1e9;
        double perSecond = (c1.served() - c0.served()) / seconds;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("limit", t.limit());
        d.put("servedPerSecond", perSecond);
        d.put("use", perSecond / t.limit());
        d.put("windowSeconds", seconds);
        d.put("servedInWindow", c1.served() - c0.served());
        d.put("throttledInWindow", c1.throttled() - c0.throttled());
        d.put("servedWholeRun", end.served() - start.served());
        d.put("throttledWholeRun", end.throttled() - start.throttled());
        d.put("clientPermits", t.budget().used() - usedStart);
        d.put("clientFailures", failures.get());
        System.out.printf(
                "rate %-22s %-12s limit %3d/s: %7.2f/s served = %.3f of the limit, %d throttled, %d client failures%n",
                t.api().wireName(),
                t.api().vendor(),
                t.limit(),
                perSecond,
                perSecond / t.limit(),
                end.throttled() - start.throttled(),
                failures.get());
        return d;
    }

    private static BudgetView budget(RtcProvider provider, String api) {
        List<BudgetView> budgets = provider.budgets();
        return budgets.stream()
                .filter(b -> b.api().equals(api))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no budget of " + api + " in " + budgets));
    }

    private static List<RoomRef> refs(RunningEmulator emulator, Vendor vendor, String app, RtcProvider provider) {
        AppKey key = provider.app();
        return emulator.world().rooms(vendor, app).stream()
                .map(r -> new RoomRef(key.room(r.key().roomId()), r.incarnation()))
                .toList();
    }
}
