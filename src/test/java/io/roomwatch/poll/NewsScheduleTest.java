package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.MemberSchedule;
import io.roomwatch.config.PollConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.FakeRtcProvider;
import io.roomwatch.testing.FakeRtcProvider.Listing;
import io.roomwatch.testing.RecordingEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The {@link MemberSchedule#NEWS} schedule through the whole engine, on virtual time: the per-room floor, reads that
 * follow each room's learnt refresh phase, new rooms first; {@link MemberSchedule#BUDGET} side by side.
 */
class NewsScheduleTest {

    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000000");
    private static final long PERIOD = 40_000;

    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();
    private final RecordingEventSink sink = new RecordingEventSink(store);

    private static PollConfig config(MemberSchedule schedule) {
        return PollConfig.defaults().withSweepInterval(Duration.ofSeconds(10)).withMemberSchedule(schedule);
    }

    /** Runs the engine for {@code seconds} of virtual time; {@code everySecond} drives the vendor at each second. */
    private void run(FakeRtcProvider vendor, PollConfig config, int seconds, Consumer<Integer> everySecond) {
        AppPoller poller = AppPoller.create(vendor, sink, store, config, timer);
        StepVerifier.Step<Void> steps = StepVerifier.withVirtualTime(
                        () -> poller.run().then(), () -> timer, 1)
                .expectSubscription();
        for (int s = 1; s <= seconds; s++) {
            int second = s;
            steps = steps.thenAwait(Duration.ofSeconds(1)).then(() -> everySecond.accept(second));
        }
        steps.thenCancel().verify(Duration.ofSeconds(30));
    }

    /** 20 rooms of a 40 s snapshot API, each with a phase of its own, each gaining a member every 10 s. */
    private FakeRtcProvider snapshotVendor() {
        FakeRtcProvider vendor =
                new FakeRtcProvider(APP, timer, Listing.COMPLETE, 200).snapshots(Duration.ofMillis(PERIOD));
        for (int i = 0; i < 20; i++) {
            vendor.createRoom("r" + i, "1", "u").phase("r" + i, 1_000L * (i * 7 % 40) + 333);
        }
        return vendor;
    }

    private static Consumer<Integer> churn(FakeRtcProvider vendor) {
        return s -> {
            if (s % 10 == 5) {
                for (int i = 0; i < 20; i++) {
                    vendor.join("r" + i, "v" + s);
                }
            }
        };
    }

    /** For each refresh of each room in [from, to) ms: how long until the first member call after it. */
    private static List<Long> refreshToRead(FakeRtcProvider vendor, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String room = "r" + i;
            List<Long> calls = vendor.memberCallsMillis(room);
            for (long r = vendor.lastRefresh(room, from) + PERIOD; r < to; r += PERIOD) {
                long refresh = r;
                calls.stream().filter(c -> c >= refresh).findFirst().ifPresent(c -> out.add(c - refresh));
            }
        }
        return out;
    }

    @Test
    void givenAFewLiveRoomsAndABigBudget_thenNoRoomIsPolledMoreOftenThanTheFloor_andTheRestIsLeftUnused() {
        FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 200);
        for (int i = 0; i < 5; i++) {
            vendor.createRoom("r" + i, "1", "u" + i);
        }

        run(vendor, config(MemberSchedule.NEWS), 60, s -> {});

        for (int i = 0; i < 5; i++) {
            List<Long> calls = vendor.memberCallsMillis("r" + i);
            for (int c = 1; c < calls.size(); c++) {
                assertThat(calls.get(c) - calls.get(c - 1)).as("r%d", i).isGreaterThanOrEqualTo(1_000L);
            }
        }
        assertThat(vendor.memberCallCount())
                .as("N / minRoomInterval = 5/s for 60 s, where the budget allows 200/s")
                .isBetween(280, 305);
    }

    @Test
    void givenTheBudgetPolicy_thenTheSameRoomsSpendTheWholeBudget() {
        FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 200);
        for (int i = 0; i < 5; i++) {
            vendor.createRoom("r" + i, "1", "u" + i);
        }

        run(vendor, config(MemberSchedule.BUDGET), 60, s -> {});

        assertThat(vendor.memberCallCount()).isGreaterThan(10_000);
    }

    @Test
    void givenSnapshotsRefreshedEvery40s_thenEachRoomIsReadJustAfterItsRefresh_withFarFewerCallsThanTheBudgetPolicy() {
        FakeRtcProvider news = snapshotVendor();

        run(news, config(MemberSchedule.NEWS), 600, churn(news));

        List<Long> latency = refreshToRead(news, 300_000, 600_000);
        if (Boolean.getBoolean("trace")) {
            System.out.println("calls=" + news.memberCallCount() + " latency=" + latency);
        }
        assertThat(latency).hasSizeGreaterThan(100);
        assertThat(latency)
                .as("after learning, every refresh is read within width + margin (+ pacing) of it")
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(500L));
        for (String room : List.of("r0", "r7", "r19")) {
            long calls = news.memberCallsMillis(room).stream()
                    .filter(c -> c >= 300_000)
                    .count();
            assertThat(calls)
                    .as("%s over 300 s = 7.5 periods: one read per period, a pre read one period in four", room)
                    .isBetween(7L, 14L);
        }
        assertThat(news.memberCallCount())
                .as("learning at the floor (1/s per room) for about a period, then about 1.3 reads per period")
                .isLessThan(2_500);
    }

    @Test
    void givenSnapshotsRefreshedEvery40s_andTheBudgetPolicy_thenEveryRefreshIsReadAsSoon_butWithTheWholeBudget() {
        FakeRtcProvider budget = snapshotVendor();

        run(budget, config(MemberSchedule.BUDGET), 120, churn(budget));

        assertThat(refreshToRead(budget, 40_000, 120_000))
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(150L));
        assertThat(budget.memberCallCount()).as("200/s for 120 s").isGreaterThan(20_000);
    }

    @Test
    void givenRestingRooms_thenANewRoomIsPolledAtTheNextSweep_beforeAnyOther() {
        FakeRtcProvider vendor = snapshotVendor();

        run(vendor, config(MemberSchedule.NEWS), 200, s -> {
            churn(vendor).accept(s);
            if (s == 125) {
                vendor.createRoom("new", "1", "alice");
            }
        });

        List<Long> calls = vendor.memberCallsMillis("new");
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(0))
                .as("listed by the sweep at 130 s (100 ms), committed within maxBatchDelay, polled by an idle lane")
                .isBetween(130_000L, 131_000L);
    }
}
