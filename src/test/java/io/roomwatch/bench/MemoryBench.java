package io.roomwatch.bench;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Provider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 4: retained heap per tracked member. Builds an {@link AppState} of rooms x members through the real differ
 * (user ids of 12 to 20 characters, 1 in 20 invisible), and measures the heap retained by it: used heap after
 * repeated full GCs, minus the same before building it.
 */
public final class MemoryBench {

    private MemoryBench() {}

    public static void run(BenchContext ctx) throws InterruptedException {
        int rooms = ctx.full() ? 10_000 : 1_000;
        int perRoom = 100;
        AppKey app = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
        long before = retainedHeap();
        long t0 = System.nanoTime();
        AppState state = Populations.appState(app, rooms, perRoom, 42);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        retained = state; // reachable from a static field while measuring
        long after = retainedHeap();
        long members = state.live().values().stream()
                .mapToLong(r -> r.members().size())
                .sum();
        double perMember = (after - before) / (double) members;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rooms", rooms);
        d.put("membersPerRoom", perRoom);
        d.put("members", members);
        d.put("retainedBytes", after - before);
        d.put("bytesPerMember", perMember);
        d.put("buildSeconds", buildSeconds);
        d.put("userIdChars", "12-20 (avg 16), Latin-1 compact strings");
        d.put("method", "MemoryMXBean heap used after 5x System.gc(), delta against a baseline");
        d.put("jvm", ManagementFactory.getRuntimeMXBean().getInputArguments());
        ctx.results()
                .add(
                        "memory.perMember",
                        "Memory per tracked member (" + members + " members in " + rooms + " rooms)",
                        "<= 150 B",
                        Results.f("%.0f B/member", perMember),
                        ctx.full() ? perMember <= 150 : null,
                        d);
        retained = null;
    }

    private static volatile Object retained;

    static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
