package io.roomwatch.bench;

import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.CallCounts;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.TencentApp;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Schedulers;

/**
 * Apps per Kafka Connect worker at full vendor budgets, on this machine. One distributed worker in a child JVM runs
 * roomwatch's connector for K TUILiveKit apps (one task per app) against the emulator, every app polling with {@code
 * memberSchedule: budget} (each room as often as the 200/s {@code get_member_list} budget allows: the heaviest load an
 * app can put on a worker). For K = 1, 2, 4, ... the figure is the member calls the emulator served per second over a
 * steady window, divided by K x 200 (budget use), with the worker's CPU (cores, from its process CPU time) beside it;
 * the largest K whose use stays at least 0.95 with no throttled answer is the figure. The emulator and the broker run
 * in this JVM on the same two cores, so the machine, not the worker alone, sets the limit; the worker's cores per app
 * say how the worker itself scales.
 */
final class ConnectAppsBench {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long FIRST_APP = 1_400_100_001L;
    private static final String KEY = "bench-tencent-key";
    private static final String ADMIN = "administrator";
    private static final int LIMIT = Api.LIVE_GET_MEMBER_LIST.documentedPerSecond();
    private static final double ENOUGH = 0.95;

    private ConnectAppsBench() {}

    static void run(BenchContext ctx) throws Exception {
        List<Integer> steps = ctx.full() ? List.of(1, 2, 4, 8, 16, 32, 48, 64) : List.of(1, 2);
        int maxApps = steps.get(steps.size() - 1);
        int rooms = ctx.full() ? 60 : 10;
        long rampMillis = ctx.full() ? 10_000 : 4_000;
        long windowMillis = ctx.full() ? 15_000 : 4_000;
        List<TencentApp> apps = new ArrayList<>();
        for (int i = 0; i < maxApps; i++) {
            apps.add(TencentApp.of(FIRST_APP + i, KEY, ADMIN));
        }
        RunningEmulator emulator = VendorEmulator.create(
                        EmulatorConfig.of(List.of(), apps).withStaleness(Staleness.none()), Schedulers.parallel())
                .start()
                .block(Duration.ofSeconds(30));
        Path dir = Files.createTempDirectory("roomwatch-connect-apps");
        Process worker = null;
        try {
            for (TencentApp app : apps) {
                for (int r = 0; r < rooms; r++) {
                    TrueRoom room = emulator.world()
                            .createRoom(RoomSpec.of(
                                    Vendor.TENCENT_LIVE,
                                    Long.toString(app.sdkAppId()),
                                    String.format(Locale.ROOT, "room-%03d", r)));
                    for (int u = 0; u < 20; u++) {
                        emulator.world().join(room.key(), "user-" + r + "-" + u, false);
                    }
                }
            }
            int port = ConnectBench.freePort();
            Path log = dir.resolve("worker.log");
            worker = ConnectBench.startWorker(dir, ctx.bootstrap(), port, log, ctx.unique("bench-apps"));
            ConnectBench.awaitRest(worker, port, log, Duration.ofSeconds(120));

            Map<String, Object> d = new LinkedHashMap<>();
            int best = 0;
            double bestCalls = 0;
            double bestCoresPerApp = Double.NaN;
            for (int k : steps) {
                String name = ctx.unique("apps-" + k);
                ConnectBench.putConnector(
                        port, name, connector(yaml(ctx.bootstrap(), emulator.baseUrl(), apps.subList(0, k)), k));
                Thread.sleep(rampMillis); // tasks start, restore (empty) state, sweep, reach the budget
                CallCounts c0 = emulator.calls(Api.LIVE_GET_MEMBER_LIST);
                long cpu0 = cpuNanos(worker);
                long self0 = selfCpuNanos();
                long n0 = System.nanoTime();
                Thread.sleep(windowMillis);
                CallCounts c1 = emulator.calls(Api.LIVE_GET_MEMBER_LIST);
                long cpu1 = cpuNanos(worker);
                long self1 = selfCpuNanos();
                double seconds = (System.nanoTime() - n0) / 1e9;
                delete(port, name);
                double perSecond = (c1.served() - c0.served()) / seconds;
                double use = perSecond / (k * (double) LIMIT);
                long throttled = c1.throttled() - c0.throttled();
                double workerCores = (cpu1 - cpu0) / 1e9 / seconds;
                double selfCores = (self1 - self0) / 1e9 / seconds;
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("memberCallsPerSecond", perSecond);
                step.put("budgetUse", use);
                step.put("throttled", throttled);
                step.put("workerCores", workerCores);
                step.put("workerCoresPerApp", workerCores / k);
                step.put("emulatorAndBrokerCores", selfCores);
                d.put(k + " apps", step);
                System.out.printf(
                        "connect-apps %2d apps: %7.1f member calls/s = %.3f of %d x %d/s, %d throttled; worker %.2f"
                                + " cores (%.3f per app), emulator + broker %.2f cores%n",
                        k, perSecond, use, k, LIMIT, throttled, workerCores, workerCores / k, selfCores);
                if (use < ENOUGH || throttled > 0) {
                    break; // the machine is saturated: more apps only share the same cores
                }
                best = k;
                bestCalls = perSecond;
                bestCoresPerApp = workerCores / k;
                Thread.sleep(3_000); // the deleted connector's tasks stop
            }
            d.put("rooms per app", rooms + " of 20 members, no churn (every read is a full-budget read)");
            d.put(
                    "worker",
                    "1 ConnectDistributed worker, child JVM -Xmx512m, exactly.once.source.support=enabled, one task"
                            + " per app");
            ctx.results()
                    .add(
                            "connect.appsPerWorker",
                            "TUILiveKit apps per Connect worker at full vendor budget (get_member_list 200/s each),"
                                    + " use >= 0.95, this machine (worker, emulator and broker on 2 cores)",
                            "-",
                            Results.f(
                                    "%d apps (%.0f member calls/s served, %.3f of the budgets); the worker used %.3f"
                                            + " cores per app",
                                    best, bestCalls, bestCalls / (best * (double) LIMIT), bestCoresPerApp),
                            null,
                            d);
        } finally {
            if (worker != null) {
                worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            emulator.stop().block(Duration.ofSeconds(30));
        }
    }

    private static String yaml(String bootstrap, String emulatorUrl, List<TencentApp> apps) {
        StringBuilder y = new StringBuilder();
        y.append("kafka:\n  bootstrapServers: ").append(bootstrap).append('\n');
        y.append("apps:\n");
        for (TencentApp app : apps) {
            y.append("  - provider: tencent-live\n");
            y.append("    sdkAppId: \"").append(app.sdkAppId()).append("\"\n");
            y.append("    administrator: ").append(ADMIN).append('\n');
            y.append("    secretKey: ").append(KEY).append('\n');
            y.append("    baseUrl: ").append(emulatorUrl).append('\n');
            y.append("    memberRefresh: 0s\n");
            y.append("    poll: { memberSchedule: budget, sweepInterval: 5s }\n");
        }
        return y.toString();
    }

    private static Map<String, String> connector(String yaml, int tasks) {
        Map<String, String> config = ConnectBench.connector("io.roomwatch.connect.RoomwatchSourceConnector", tasks);
        config.put("roomwatch.config", yaml);
        return config;
    }

    private static void delete(int port, String name) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectors/" + name))
                        .timeout(Duration.ofSeconds(30))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long cpuNanos(Process process) {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static long selfCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
