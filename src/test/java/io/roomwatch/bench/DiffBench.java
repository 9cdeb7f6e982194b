package io.roomwatch.bench;

import io.roomwatch.diff.SnapshotDiff;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Figure 5: the differ's cost. JMH, one thread: {@link SnapshotDiff#members} of a room of {@code members} members
 * against a complete member list that is the same ({@code unchanged}: the common case of a poll that finds nothing
 * new) or differs by 5 % leaves and 5 % joins ({@code churn}). Members compared per second per core = ops/s x
 * members.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DiffBench {

    @Param({"100", "1000"})
    public int members;

    private RoomState room;
    private MemberList same;
    private MemberList churned;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        room = Populations.room(AppKey.of(Provider.TENCENT_LIVE, "1400000001"), "room-1", members, random);
        Map<String, Visibility> listed = new HashMap<>();
        room.members().forEach((user, member) -> listed.put(user, member.visibility()));
        same = new MemberList(room.ref(), Completeness.COMPLETE, listed, Populations.T0.plusSeconds(5));
        Map<String, Visibility> changed = new HashMap<>(listed);
        List<String> users = new ArrayList<>(listed.keySet());
        int churn = Math.max(1, members / 20);
        for (int i = 0; i < churn; i++) {
            changed.remove(users.get(i));
            changed.put(Populations.userId(random), Visibility.VISIBLE);
        }
        churned = new MemberList(room.ref(), Completeness.COMPLETE, changed, Populations.T0.plusSeconds(5));
    }

    @Benchmark
    public Transition unchanged() {
        return SnapshotDiff.members(room, same);
    }

    @Benchmark
    public Transition churn() {
        return SnapshotDiff.members(room, churned);
    }

    /** Runs the JMH benchmark (full: 1 fork, 3 x 2 s warm-up, 5 x 2 s measured; smoke: in-process, a fraction of a second). */
    public static void run(BenchContext ctx) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(DiffBench.class.getName() + "\\.")
                .threads(1)
                .shouldFailOnError(true);
        if (ctx.full()) {
            options.forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2))
                    .jvmArgs("-Xmx1g");
        } else {
            options.forks(0)
                    .param("members", "100")
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(300));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        double headline = 0;
        for (RunResult result : new Runner(options.build()).run()) {
            String bench = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            int n = Integer.parseInt(result.getParams().getParam("members"));
            double ops = result.getPrimaryResult().getScore();
            double perSecond = ops * n;
            d.put(bench + "/members=" + n + " ops/s", ops);
            d.put(bench + "/members=" + n + " membersCompared/s", perSecond);
            d.put(
                    bench + "/members=" + n + " error(99.9%) ops/s",
                    result.getPrimaryResult().getScoreError());
            if (bench.equals("unchanged") && n == 100) {
                headline = perSecond;
            }
        }
        d.put("jmh", ctx.full() ? "1 fork, 3x2 s warm-up, 5x2 s measured, 1 thread" : "smoke: no fork, 0.2 s + 0.3 s");
        ctx.results()
                .add(
                        "diff.membersPerSecond",
                        "Diff cost: members compared per second per core (room of 100, unchanged list)",
                        "- (report)",
                        Results.f("%.1f M members/s", headline / 1e6),
                        null,
                        d);
    }
}
