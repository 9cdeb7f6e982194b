package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.callback.Delivery;
import io.roomwatch.config.PollConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Origin;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.Visibility;
import io.roomwatch.state.memory.InMemorySnapshotStore;
import io.roomwatch.testing.FakeRtcProvider;
import io.roomwatch.testing.FakeRtcProvider.Listing;
import io.roomwatch.testing.RecordingEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The engine with callbacks (issue 17), in virtual time: a pushed change is committed within a probe's round trip
 * (not at polling latency), the callback is acknowledged only once that commit is durable, and callbacks still open
 * when the app stops are failed so that the vendor retries.
 */
class AppPollerCallbacksTest {

    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000000");
    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();
    private final RecordingEventSink sink = new RecordingEventSink(store);
    private final Sinks.Many<Delivery> pushes = Sinks.many().unicast().onBackpressureBuffer();
    private long receipts;

    private Delivery push(Pushed.Change change, String user) {
        Instant now = Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
        Delivery delivery = new Delivery(
                APP,
                List.of(Pushed.member(APP.room("r1"), change, user, Visibility.VISIBLE, now, now, "cb", ++receipts)));
        pushes.tryEmitNext(delivery);
        return delivery;
    }

    private AppPoller poller(FakeRtcProvider vendor) {
        // slow member polling: a join found by polling would take ~30 s here
        PollConfig config =
                PollConfig.defaults().withSweepInterval(Duration.ofSeconds(30)).withMemberConcurrency(1);
        return AppPoller.create(
                vendor,
                sink,
                store,
                config,
                timer,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                pushes.asFlux());
    }

    @Test
    void givenAJoinPushed_thenCommittedWithinAProbesRoundTrip_fromTheCallback_andAcknowledgedAfterTheCommit() {
        FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 1).createRoom("r1", "1", "host");
        AppPoller poller = poller(vendor);
        AtomicReference<Delivery> delivery = new AtomicReference<>();
        AtomicReference<Integer> eventsWhenAcked = new AtomicReference<>();

        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(35)) // restored, swept, host polled
                .then(() -> {
                    vendor.join("r1", "bob");
                    delivery.set(push(Pushed.Change.USER_JOINED, "bob"));
                    delivery.get()
                            .outcome()
                            .subscribe(
                                    null,
                                    null,
                                    () -> eventsWhenAcked.set(sink.events().size()));
                })
                .thenAwait(Duration.ofSeconds(3))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        PresenceEvent bob = sink.events().stream()
                .filter(e -> "bob".equals(e.userId()))
                .findFirst()
                .orElseThrow();
        assertThat(bob.origin()).isEqualTo(Origin.CALLBACK);
        assertThat(bob.occurredAt()).isEqualTo(Instant.ofEpochSecond(35));
        assertThat(eventsWhenAcked.get())
                .as("acknowledged once bob's join was committed")
                .isEqualTo(sink.events().size());
        assertThat(sink.events()).filteredOn(e -> "bob".equals(e.userId())).hasSize(1);
        assertThat(poller.state().live().get("r1").evidence())
                .as("an app taking callbacks remembers when bob's presence was set, against late or older news")
                .containsKey("bob");
    }

    @Test
    void givenABurstOfCallbacksForOneRoom_thenOneConfirmingProbeServesThemAll() {
        FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 1).createRoom("r1", "1", "host");
        AppPoller poller = poller(vendor);
        int[] probesBefore = {0};

        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(35))
                .then(() -> {
                    probesBefore[0] = vendor.probeCount();
                    for (String user : List.of("a", "b", "c", "d", "e")) {
                        vendor.join("r1", user);
                        push(Pushed.Change.USER_JOINED, user);
                    }
                })
                .thenAwait(Duration.ofMillis(300))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        assertThat(vendor.probeCount() - probesBefore[0])
                .as("probes for 5 callbacks")
                .isOne();
        assertThat(sink.events())
                .filteredOn(e -> e.origin() == Origin.CALLBACK)
                .extracting(PresenceEvent::userId)
                .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void givenKafkaDown_thenTheCallbackIsNotAcknowledged_untilItsCommitIsDurable() {
        FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 1).createRoom("r1", "1", "host");
        AppPoller poller = poller(vendor);
        AtomicReference<Delivery> delivery = new AtomicReference<>();
        AtomicReference<Boolean> acked = new AtomicReference<>(false);

        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(35))
                .then(() -> {
                    sink.stallUntilReleased();
                    vendor.leave("r1", "host");
                    delivery.set(push(Pushed.Change.USER_LEFT, "host"));
                    delivery.get().outcome().subscribe(null, null, () -> acked.set(true));
                })
                .thenAwait(Duration.ofSeconds(20))
                .then(() -> assertThat(acked.get())
                        .as("not while the broker is down")
                        .isFalse())
                .then(sink::release)
                .thenAwait(Duration.ofSeconds(2))
                .then(() -> assertThat(acked.get()).as("once committed").isTrue())
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void givenTheAppStops_thenCallbacksStillOpenAreFailed_soTheVendorRetries() {
        FakeRtcProvider vendor = new FakeRtcProvider(APP, timer, Listing.COMPLETE, 1).createRoom("r1", "1", "host");
        AppPoller poller = poller(vendor);
        AtomicReference<Delivery> delivery = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();

        StepVerifier.withVirtualTime(() -> poller.run().then(), () -> timer, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(35))
                .then(() -> {
                    sink.stallUntilReleased();
                    delivery.set(push(Pushed.Change.USER_JOINED, "carol"));
                    delivery.get().outcome().subscribe(null, failed::set);
                })
                .thenAwait(Duration.ofSeconds(2))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        assertThat(failed.get()).isNotNull();
    }
}
