package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomwatch.config.PollConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.sink.SinkUnavailable;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.FakeRtcProvider;
import io.roomwatch.testing.FakeRtcProvider.Listing;
import io.roomwatch.testing.RecordingEventSink;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The engine's Micrometer meters, in virtual time: durations come from the engine's scheduler. */
class AppPollerMetricsTest {

    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000000");
    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();
    private final RecordingEventSink sink = new RecordingEventSink(store);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 10);

    /** Runs for 60 s of virtual time; {@code at30} changes the vendor half way. */
    private void run(Consumer<FakeRtcProvider> at30) {
        PollConfig config = PollConfig.defaults().withSweepInterval(Duration.ofSeconds(10));
        AppPoller poller = AppPoller.create(vendor, sink, store, config, timer, registry);
        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .then(() -> at30.accept(vendor))
                .thenAwait(Duration.ofSeconds(30))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    private double count(String name, String tag, String value) {
        return registry.get(name)
                .tags("provider", "tencent-live", "app", "1400000000", tag, value)
                .counter()
                .count();
    }

    private double reads(String outcome) {
        return registry.get("roomwatch.member.reads")
                .tags("api", "", "outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void givenRoomsAndChanges_thenSweepsPollsEventsStateAndLagAreMetered() {
        vendor.createRoom("r1", "1", "alice", "bob").createRoom("r2", "1", "carol");

        run(v -> v.leave("r1", "alice").destroyRoom("r2"));

        assertThat(registry.get("roomwatch.sweeps").timer().count()).isEqualTo(6); // at 0, 10, ..., 50 s
        assertThat(registry.get("roomwatch.sweeps").timer().totalTime(TimeUnit.MILLISECONDS))
                .as("virtual time: 100 ms per listing, plus the probes of the room that went missing")
                .isBetween(600.0, 1_500.0);
        long ok = registry.get("roomwatch.member.polls")
                .tag("outcome", "ok")
                .timer()
                .count();
        assertThat(ok)
                .as("the 1 s per-room floor: r1 about once a second for 60 s, r2 for 30 s")
                .isBetween(80L, 92L);
        assertThat(reads("news"))
                .as("each room's first answer, and r1's after alice left")
                .isEqualTo(3);
        assertThat(reads("same")).isEqualTo(ok - 3);
        assertThat(count("roomwatch.events", "type", "RoomCreated")).isEqualTo(2);
        assertThat(count("roomwatch.events", "type", "UserJoined")).isEqualTo(3);
        assertThat(count("roomwatch.events", "type", "UserLeft")).isEqualTo(2); // alice left, carol with r2
        assertThat(count("roomwatch.events", "type", "RoomDestroyed")).isEqualTo(1);
        assertThat(registry.get("roomwatch.rooms.live").gauge().value()).isEqualTo(1);
        assertThat(registry.get("roomwatch.members.present").gauge().value()).isEqualTo(1);
        assertThat(count("roomwatch.commits", "outcome", "committed"))
                .isEqualTo(registry.get("roomwatch.commit.latency").timer().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(registry.get("roomwatch.detection.lag").summary().count()).isEqualTo(8);
        assertThat(registry.get("roomwatch.detection.lag").summary().max())
                .as("an observation waits at most maxBatchDelay (200 ms) for its batch, in seconds")
                .isLessThanOrEqualTo(0.2);
    }

    @Test
    void givenFailingMemberPollsAndCommits_thenFailuresAreMeteredByOutcome() {
        vendor.createRoom("r1", "1", "alice");
        sink.failNext(2, () -> new SinkUnavailable(APP, "broker unavailable", null));

        run(v -> v.failMembers(() -> new VendorUnavailable(APP, "100001", "internal error", null)));

        assertThat(count("roomwatch.commits", "outcome", "failed")).isEqualTo(2);
        assertThat(registry.get("roomwatch.member.polls")
                        .tag("outcome", "failed")
                        .timer()
                        .count())
                .isGreaterThan(10);
        assertThat(registry.get("roomwatch.commit.latency").timer().max(TimeUnit.MILLISECONDS))
                .as("retried commits count their backoff")
                .isGreaterThanOrEqualTo(500);
    }

    @Test
    void givenNoRegistry_thenThePollerStillRuns() {
        vendor.createRoom("r1", "1", "alice");
        AppPoller poller = AppPoller.create(vendor, sink, store, PollConfig.defaults(), timer);

        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        assertThat(sink.events()).hasSize(2);
    }
}
