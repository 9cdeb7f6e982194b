package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.PollConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.sink.SinkFenced;
import io.roomwatch.sink.SinkRejected;
import io.roomwatch.sink.SinkUnavailable;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.EventReplay;
import io.roomwatch.testing.FakeRtcProvider;
import io.roomwatch.testing.FakeRtcProvider.Listing;
import io.roomwatch.testing.RecordingEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class AppPollerTest {

    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000000");
    private VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();
    private final RecordingEventSink sink = new RecordingEventSink(store);

    private FakeRtcProvider vendor(Listing listing, int memberQps) {
        return new FakeRtcProvider(APP, timer, listing, memberQps);
    }

    /** Runs the poller for {@code duration} of virtual time, applying {@code script} steps at their times. */
    private AppPoller run(FakeRtcProvider vendor, PollConfig config, Duration duration, Step... script) {
        AppPoller poller = AppPoller.create(vendor, sink, store, config, timer);
        // Reports are not asserted here: the sink and the fake vendor record what happened, and when.
        StepVerifier.Step<Void> steps = StepVerifier.withVirtualTime(
                        () -> poller.run().then(), () -> timer, 1)
                .expectSubscription();
        Duration at = Duration.ZERO;
        for (Step step : script) {
            steps = steps.thenAwait(step.at.minus(at)).then(() -> step.action.accept(vendor));
            at = step.at;
        }
        steps.thenAwait(duration.minus(at)).thenCancel().verify(Duration.ofSeconds(10));
        return poller;
    }

    private record Step(Duration at, Consumer<FakeRtcProvider> action) {}

    private static Step at(int seconds, Consumer<FakeRtcProvider> action) {
        return new Step(Duration.ofSeconds(seconds), action);
    }

    private static PollConfig config() {
        return PollConfig.defaults().withSweepInterval(Duration.ofSeconds(10)).withMemberConcurrency(4);
    }

    private List<String> described() {
        List<String> out = new ArrayList<>();
        for (PresenceEvent e : sink.events()) {
            out.add(e.type().wireName() + " " + e.key().roomId() + (e.userId() == null ? "" : " " + e.userId()));
        }
        return out;
    }

    @Test
    void givenSweepSlowerThanInterval_thenSweepsNeverOverlap_andTicksAreDroppedNotQueued() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).sweepDuration(Duration.ofSeconds(25));

        run(vendor, config(), Duration.ofSeconds(100));

        assertThat(vendor.maxConcurrentSweeps()).isEqualTo(1);
        assertThat(vendor.sweepStartsMillis()).containsExactly(0L, 30_000L, 60_000L, 90_000L);
    }

    @Test
    void givenNQuietRoomsAndBudgetQ_thenEveryRoomIsPolledEveryNOverQSeconds() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10);
        for (int i = 0; i < 20; i++) {
            vendor.createRoom("r" + i, "1", "u" + i);
        }

        run(vendor, config().withHotWeight(1), Duration.ofSeconds(60));

        for (int i = 0; i < 20; i++) {
            List<Long> calls = vendor.memberCallsMillis("r" + i);
            assertThat(gaps(calls.subList(2, calls.size())))
                    .as("r%d polled every N/Q = 20/10 s", i)
                    .allSatisfy(gap -> assertThat(gap).isBetween(1_900L, 2_100L));
        }
        assertThat(vendor.memberCallCount())
                .as("the budget is spent, not left idle")
                .isBetween(590, 601);
    }

    @Test
    void givenBusyRooms_thenPolledMoreOften_butNoRoomWaitsLongerThanMaxStaleness() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10);
        for (int i = 0; i < 40; i++) {
            vendor.createRoom("r" + i, "1", "u");
        }
        List<Step> churn = new ArrayList<>();
        for (int s = 5; s < 120; s++) {
            String user = "v" + s;
            churn.add(at(s, v -> v.join("r0", user).join("r1", user)));
        }
        PollConfig config = config().withHotWeight(4).withMaxStaleness(Duration.ofSeconds(6));

        run(vendor, config, Duration.ofSeconds(120), churn.toArray(Step[]::new));

        int busy = vendor.memberCallsMillis("r0").size();
        int quiet = vendor.memberCallsMillis("r20").size();
        assertThat(busy).as("busy room polls vs quiet room polls").isGreaterThanOrEqualTo(2 * quiet);
        for (int i = 2; i < 40; i++) {
            List<Long> calls = vendor.memberCallsMillis("r" + i);
            assertThat(gaps(calls))
                    .as("r%d waits at most maxStaleness + one budget slot", i)
                    .allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(6_200L));
        }
    }

    @Test
    void givenBrokerStalled_thenPollingPausesWithBoundedWork_andResumesWhenItIsBack() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10);
        for (int i = 0; i < 10; i++) {
            vendor.createRoom("r" + i, "1", "u" + i);
        }
        sink.stallUntilReleased();
        int[] callsWhileStalled = new int[2];

        run(
                vendor,
                config(),
                Duration.ofSeconds(300),
                at(10, v -> callsWhileStalled[0] = v.memberCallCount()),
                at(200, v -> callsWhileStalled[1] = v.memberCallCount()),
                at(200, v -> sink.release()));

        assertThat(callsWhileStalled[1])
                .as("no polling while the batch cannot be committed")
                .isLessThanOrEqualTo(callsWhileStalled[0] + 1);
        assertThat(callsWhileStalled[0])
                .as("at most one batch plus what the lanes hold")
                .isLessThanOrEqualTo(config().maxBatch() + config().memberConcurrency() + 1);
        assertThat(vendor.memberCallCount()).as("polling resumed").isGreaterThan(callsWhileStalled[1] + 500);
        assertThat(new EventReplay().acceptAll(sink.events()).presence()).isEqualTo(vendor.truth());
    }

    @Test
    void givenCommitFailsTransiently_thenSameBatchIsRetried_andEveryEventCommittedOnce() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice", "bob");
        sink.failNext(5, () -> new SinkUnavailable(APP, "broker unavailable", null));

        run(vendor, config(), Duration.ofSeconds(120));

        assertThat(sink.attempts()).isGreaterThan(5);
        assertThat(described()).containsExactly("RoomCreated r1", "UserJoined r1 alice", "UserJoined r1 bob");
    }

    @Test
    void givenCommitOutcomeInDoubt_thenStateIsReloaded_andNothingIsEmittedTwice() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice", "bob");
        sink.committedButInDoubt(2);

        run(vendor, config(), Duration.ofSeconds(60), at(30, v -> v.leave("r1", "alice")));

        assertThat(described())
                .containsExactly("RoomCreated r1", "UserJoined r1 alice", "UserJoined r1 bob", "UserLeft r1 alice");
        assertThat(new EventReplay().acceptAll(sink.events()).presence()).isEqualTo(vendor.truth());
    }

    @Test
    void givenVendorFailures_thenNothingIsRemoved() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice", "bob");

        run(
                vendor,
                config(),
                Duration.ofSeconds(120),
                at(20, v -> v.failNextSweeps(1000, () -> new VendorUnavailable(APP, "HTTP 502", "bad gateway", null))
                        .failMembers(() -> new VendorUnavailable(APP, "100001", "internal error", null))),
                at(30, v -> v.leave("r1", "alice").destroyRoom("r1")));

        assertThat(described()).containsExactly("RoomCreated r1", "UserJoined r1 alice", "UserJoined r1 bob");
    }

    @Test
    void givenRoomMissingFromCompleteListing_thenProbed_andOnlyAConfirmedGoneIsDestroyed() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice");

        run(
                vendor,
                config(),
                Duration.ofSeconds(60),
                at(15, v -> v.hideFromListing("r1")),
                at(40, v -> v.destroyRoom("r1")));

        assertThat(vendor.probeCount()).isGreaterThan(0);
        assertThat(described())
                .containsExactly("RoomCreated r1", "UserJoined r1 alice", "UserLeft r1 alice", "RoomDestroyed r1");
    }

    @Test
    void givenRoomShorterThanASweep_thenCreatedAndDestroyedWithVendorTimes_once() {
        FakeRtcProvider vendor = vendor(Listing.WINDOW, 10);

        run(
                vendor,
                config(),
                Duration.ofSeconds(60),
                at(3, v -> v.createRoom("flash", "call-1")),
                at(6, v -> v.destroyRoom("flash")));

        assertThat(described()).containsExactly("RoomCreated flash", "RoomDestroyed flash");
        assertThat(sink.events())
                .extracting(PresenceEvent::occurredAt)
                .containsExactly(Instant.ofEpochSecond(3), Instant.ofEpochSecond(6));
    }

    /**
     * Issue 13, bounded state: unique room ids created and ended all day; ended incarnations are forgotten past the
     * history horizon, in the store and in memory, so neither grows with every room id ever seen.
     */
    @Test
    void givenUniqueRoomIdsAllDay_thenEndedIncarnationsAreForgottenPastTheHorizon_andStateStaysBounded() {
        FakeRtcProvider vendor = vendor(Listing.WINDOW, 10);
        List<Step> churn = new ArrayList<>();
        for (int minute = 1; minute < 6 * 60; minute++) { // a room a minute for 6 hours, each living 30 s
            String roomId = "room-" + minute;
            churn.add(at(minute * 60, v -> v.createRoom(roomId, "call-" + roomId, "host")));
            churn.add(at(minute * 60 + 30, v -> v.destroyRoom(roomId)));
        }
        PollConfig config = config().withSweepInterval(Duration.ofSeconds(60)).withHistoryHorizon(Duration.ofHours(1));

        AppPoller poller = run(vendor, config, Duration.ofHours(6).plusMinutes(5), churn.toArray(Step[]::new));

        assertThat(described()).filteredOn(e -> e.startsWith("RoomDestroyed")).hasSizeGreaterThan(350);
        assertThat(sink.forgotten())
                .as("pruned about every 6 minutes (a tenth of the horizon)")
                .hasSizeGreaterThan(40);
        assertThat(poller.state().retired().size())
                .as("ended incarnations remembered: about one horizon's worth, not all 359")
                .isBetween(55, 75);
        assertThat(store.load(APP).block().retired()).isEqualTo(poller.state().retired());
    }

    @Test
    void givenAnAppWithoutCallbacks_thenItsCommittedStateKeepsNoEvidenceTimes() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice", "bob");

        AppPoller poller = run(vendor, config(), Duration.ofSeconds(20), at(12, v -> v.join("r1", "carol")));

        assertThat(described()).contains("UserJoined r1 alice", "UserJoined r1 carol");
        assertThat(poller.state().live().get("r1").evidence())
                .as("nothing can overtake a poll without callbacks: no moments in the state records")
                .isEmpty();
        assertThat(store.load(APP).block().live().get("r1").evidence()).isEmpty();
    }

    @Test
    void givenRestoredState_thenFirstDiffEmitsExactlyWhatChangedWhileDown() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice", "bob");
        AppState before = run(vendor, config(), Duration.ofSeconds(20)).state();
        store.put(before);
        int committedBefore = sink.events().size();
        // roomwatch was down; meanwhile alice left and carol joined. A new process, a new clock, the same world; the
        // clock goes on from where the first process stopped (state carries times of the first clock)
        timer = VirtualTimeScheduler.create();
        timer.advanceTimeBy(Duration.ofSeconds(60));
        FakeRtcProvider restarted = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "bob", "carol");

        run(restarted, config(), Duration.ofSeconds(20));

        assertThat(described().subList(committedBefore, described().size()))
                .containsExactly("UserLeft r1 alice", "UserJoined r1 carol");
    }

    @Test
    void givenRejectedCredentials_thenRunEndsWithThatError() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10)
                .failNextSweeps(1, () -> new VendorRejected(APP, "70009", "UserSig verification failed", "check key"));
        AppPoller poller = AppPoller.create(vendor, sink, store, config(), timer);

        StepVerifier.withVirtualTime(poller::run, () -> timer, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(VendorRejected.class).hasMessageContaining("70009"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void givenFencedSink_thenRunEndsWithoutRetrying() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1");
        sink.failNext(1, () -> new SinkFenced(APP, "fenced by a newer instance", null));
        AppPoller poller = AppPoller.create(vendor, sink, store, config(), timer);

        StepVerifier.withVirtualTime(poller::run, () -> timer, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .expectError(SinkFenced.class)
                .verify(Duration.ofSeconds(10));
        assertThat(sink.attempts()).isEqualTo(1);
    }

    // Regression for issue 14: Kafka not reachable at start made run() give up after about 10 s
    @Test
    void givenKafkaNotReachableAtStart_thenTheRestoreIsRetriedWithCappedBackoffUntilItWorks() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10).createRoom("r1", "1", "alice");
        FlakyStore flaky = new FlakyStore(store, 8, () -> new SinkUnavailable(APP, "broker not reachable", null));
        AppPoller poller = AppPoller.create(vendor, sink, flaky, config(), timer);

        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .then(() -> assertThat(poller.isRestored())
                        .as("not ready while Kafka is away")
                        .isFalse())
                .then(() -> assertThat(vendor.sweepStartsMillis())
                        .as("no polling before the restore")
                        .isEmpty())
                .thenAwait(Duration.ofMinutes(5))
                .then(() -> assertThat(poller.isRestored()).isTrue())
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        assertThat(flaky.attemptsMillis()).hasSize(9);
        List<Long> waits = gaps(flaky.attemptsMillis());
        assertThat(waits.get(0)).as("first backoff about 1 s").isBetween(500L, 1_500L);
        assertThat(waits).as("capped at commitRetryMaxBackoff").allSatisfy(w -> assertThat(w)
                .isLessThanOrEqualTo(config().commitRetryMaxBackoff().toMillis()));
        assertThat(described()).containsExactly("RoomCreated r1", "UserJoined r1 alice");
    }

    @Test
    void givenTheBrokerRefusesUsAtStart_thenRunEndsWithoutRetrying() {
        FakeRtcProvider vendor = vendor(Listing.COMPLETE, 10);
        FlakyStore refusing = new FlakyStore(store, 100, () -> new SinkRejected(APP, "not authorized", null));
        AppPoller poller = AppPoller.create(vendor, sink, refusing, config(), timer);

        StepVerifier.withVirtualTime(poller::run, () -> timer, Long.MAX_VALUE)
                .expectSubscription()
                .expectError(SinkRejected.class)
                .verify(Duration.ofSeconds(10));
        assertThat(refusing.attemptsMillis()).hasSize(1);
    }

    /** A store whose first {@code failures} loads fail with {@code error}; records when each load was tried. */
    private final class FlakyStore implements io.roomwatch.state.SnapshotStore {
        private final io.roomwatch.state.SnapshotStore delegate;
        private final java.util.function.Supplier<RuntimeException> error;
        private final List<Long> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        private int failures;

        FlakyStore(
                io.roomwatch.state.SnapshotStore delegate,
                int failures,
                java.util.function.Supplier<RuntimeException> error) {
            this.delegate = delegate;
            this.failures = failures;
            this.error = error;
        }

        @Override
        public reactor.core.publisher.Mono<AppState> load(AppKey app) {
            return reactor.core.publisher.Mono.defer(() -> {
                attempts.add(timer.now(java.util.concurrent.TimeUnit.MILLISECONDS));
                return failures-- > 0 ? reactor.core.publisher.Mono.error(error.get()) : delegate.load(app);
            });
        }

        List<Long> attemptsMillis() {
            return attempts;
        }
    }

    private static List<Long> gaps(List<Long> times) {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            out.add(times.get(i) - times.get(i - 1));
        }
        return out;
    }
}
