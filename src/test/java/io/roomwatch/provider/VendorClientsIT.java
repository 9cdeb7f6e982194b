package io.roomwatch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.RetrySettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.Limits;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentConferenceProvider;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Our three clients against the vendor emulator (branch {@code emulator}) on 127.0.0.1, real time, through a proxy
 * that counts the calls reaching the vendor.
 */
@Timeout(120)
class VendorClientsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VOLC_APP = EmulatorConfig.DEMO_VOLCENGINE_APP;
    private static final String TENCENT_APP = Long.toString(EmulatorConfig.DEMO_SDK_APP_ID);

    private final Scheduler timer = Schedulers.parallel();
    private RunningEmulator emulator;
    private CountingProxy proxy;
    private VendorHttp http;

    @BeforeEach
    void start() {
        EmulatorConfig config = EmulatorConfig.demo()
                .withStaleness(Staleness.none())
                .withLimits(Limits.defaults().withListRoomInfoCap(120));
        emulator = VendorEmulator.create(config, timer).start().block(WAIT);
        proxy = CountingProxy.to(emulator.baseUrl());
        http = VendorHttp.create("it", httpSettings(), timer);
    }

    @AfterEach
    void stop() {
        http.close();
        proxy.close();
        emulator.stop().block(WAIT);
    }

    @Test
    void givenVolcengineRooms_whenSweepingThreeDaysBack_thenEveryRoomListedThroughPagesAndWindows() {
        for (int i = 0; i < 110; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "room-" + i));
        }

        RoomSweep sweep = volcengine().rooms(now().minus(Duration.ofDays(3))).block(WAIT);

        assertThat(sweep.rooms()).hasSize(110).allSatisfy(r -> assertThat(r.createdAt())
                .isNotNull());
        assertThat(sweep.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(sweep.listedUntil()).isNotNull();
        assertThat(proxy.requests()).filteredOn(r -> r.contains("PageNum=2")).hasSize(1); // the newest window
        assertThat(proxy.count()).isEqualTo(4); // 72 h in 3 windows of <= 24 h, the newest one paged twice
    }

    @Test
    void givenMoreRoomsThanTheHasMoreCap_whenSweeping_thenTheWindowIsSplitUntilAllAreListed() {
        for (int i = 0; i < 130; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "room-" + i));
        }

        RoomSweep sweep = volcengine().rooms(now().minus(Duration.ofHours(2))).block(WAIT);

        // all 130 were created within the same second or two: halving cannot separate them, so the sweep lists
        // what the vendor returns (the cap) and the watermark stops before them
        assertThat(sweep.rooms().size()).isBetween(120, 130);
        assertThat(proxy.count()).isLessThanOrEqualTo(2 * (1 << 9));
    }

    @Test
    void givenRoomsSpreadOverMinutesBeyondTheCap_whenSweeping_thenHalvedWindowsListEveryRoom() {
        // the emulator on a virtual clock set just behind real time, so rooms get distinct creation seconds while
        // our real-time signatures stay within its 900 s skew tolerance
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        clock.advanceTimeTo(now().minus(Duration.ofMinutes(10)));
        EmulatorConfig config = EmulatorConfig.demo()
                .withStaleness(Staleness.none())
                .withLimits(Limits.defaults().withListRoomInfoCap(50));
        RunningEmulator spread = VendorEmulator.create(config, clock).start().block(WAIT);
        try (CountingProxy counting = CountingProxy.to(spread.baseUrl())) {
            for (int i = 0; i < 130; i++) {
                spread.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "room-" + i));
                clock.advanceTimeBy(Duration.ofSeconds(4));
            }
            VolcengineSource source = volcSource().withBaseUrl(counting.baseUrl());

            RoomSweep sweep = VolcengineProvider.create(source, http, timer)
                    .rooms(now().minus(Duration.ofMinutes(30)))
                    .block(WAIT);

            assertThat(sweep.rooms()).hasSize(130);
            assertThat(sweep.listedUntil()).isNotNull();
            assertThat(counting.count()).isBetween(5, 40); // whole window, then halves until each is under the cap
        } finally {
            spread.stop().block(WAIT);
        }
    }

    @Test
    void givenVisibleAndInvisibleMembers_whenListing_thenBothAndRoomGoneAfterDestroy() {
        RoomAddress key = RoomAddress.of(Vendor.VOLCENGINE, VOLC_APP, "r1");
        emulator.world()
                .createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "r1").withCallId("call-1"));
        emulator.world().join(key, "alice", false);
        emulator.world().join(key, "ghost", true);
        RoomRef ref = new RoomRef(volcSource().app().room("r1"), "call-1");

        MemberList list = (MemberList) volcengine().members(ref).block(WAIT);
        emulator.world().destroyRoom(key);

        assertThat(list.members())
                .containsExactlyInAnyOrderEntriesOf(Map.of("alice", Visibility.VISIBLE, "ghost", Visibility.INVISIBLE));
        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(volcengine().members(ref).block(WAIT)).isInstanceOf(RoomGone.class);
    }

    @Test
    void givenEachInjectedFault_whenCallingVolcengine_thenTheRightOutcomeWithNoExtraCalls() {
        emulator.world()
                .createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "r1").withCallId("c1"));
        RoomRef ref = new RoomRef(volcSource().app().room("r1"), "c1");
        for (FaultKind kind : List.of(
                FaultKind.THROTTLE,
                FaultKind.HTTP_500,
                FaultKind.HTTP_502,
                FaultKind.RESET,
                FaultKind.MALFORMED_JSON,
                FaultKind.TRUNCATED_BODY,
                FaultKind.SLOW)) {
            emulator.faults().clear();
            emulator.faults()
                    .add(Fault.of(Vendor.VOLCENGINE, kind)
                            .withDelayMillis(3_000)
                            .times(1));
            int before = proxy.count();

            assertThat(volcengine().members(ref).block(WAIT)).as(kind.name()).isInstanceOf(MemberList.class);
            assertThat(proxy.count() - before).as(kind.name()).isEqualTo(2); // one failure, one retry
        }
        emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.HTTP_502).untilCleared());
        int before = proxy.count();
        StepVerifier.create(volcengine().members(ref))
                .expectError(VendorUnavailable.class)
                .verify(WAIT);
        assertThat(proxy.count() - before).isEqualTo(3); // 1 + maxTransientRetries
    }

    @Test
    void givenAFailingMiddlePage_whenSweeping_thenPartialWithTheFirstPageAndNoLaterPage() {
        for (int i = 0; i < 110; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "room-" + i));
        }
        emulator.faults()
                .add(Fault.of(Vendor.VOLCENGINE, FaultKind.FAIL_PAGE_N)
                        .onPage(2)
                        .untilCleared());

        RoomSweep sweep = volcengine().rooms(now().minus(Duration.ofHours(1))).block(WAIT);

        assertThat(sweep.rooms()).hasSize(100);
        assertThat(sweep.listedUntil()).isNull();
        assertThat(proxy.count()).isEqualTo(1 + 3);
    }

    @Test
    void givenAWrongSecret_whenCalling_thenRejectedOnceNamingTheCode() {
        VolcengineSource wrong = new VolcengineSource(
                VOLC_APP,
                EmulatorConfig.DEMO_ACCESS_KEY_ID,
                Secret.of("not-the-secret"),
                "cn-north-1",
                proxy.baseUrl(),
                60,
                40,
                Duration.ZERO,
                8,
                Duration.ZERO,
                httpSettings(),
                retry());
        RoomRef ref = new RoomRef(wrong.app().room("r1"), "c1");

        StepVerifier.create(VolcengineProvider.create(wrong, http, timer).members(ref))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(VendorRejected.class)
                        .hasMessageContaining("SignatureDoesNotMatch")
                        .hasMessageContaining(VOLC_APP))
                .verify(WAIT);
        assertThat(proxy.count()).isEqualTo(1);
    }

    @Test
    void givenTencentLiveRooms_whenSweeping_thenCompleteThroughTheCursor() {
        for (int i = 0; i < 45; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "live-" + i));
        }

        RoomSweep sweep = live().rooms(Instant.EPOCH).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(sweep.rooms())
                .hasSize(45)
                .extracting(RoomSighting::incarnation)
                .doesNotContainNull();
        assertThat(proxy.count()).isEqualTo(3);
    }

    @Test
    void givenABigLiveRoom_whenListingMembers_thenTruncatedAtTheVendorsCap() {
        RoomAddress key = RoomAddress.of(Vendor.TENCENT_LIVE, TENCENT_APP, "big");
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "big"));
        for (int i = 0; i < 1200; i++) {
            emulator.world().join(key, "u" + i, false);
        }
        RoomSweep sweep = live().rooms(Instant.EPOCH).block(WAIT);
        RoomRef ref =
                new RoomRef(liveSource().app().room("big"), sweep.rooms().get(0).incarnation());

        MemberList list = (MemberList) live().members(ref).block(WAIT);

        assertThat(list.completeness()).isEqualTo(Completeness.TRUNCATED);
        assertThat(list.members()).hasSize(1000);
        assertThat(live().probe(ref).block(WAIT)).isInstanceOf(RoomSweep.class);
        emulator.world().destroyRoom(key);
        assertThat(live().probe(ref).block(WAIT)).isInstanceOf(RoomGone.class);
        assertThat(live().members(ref).block(WAIT)).isInstanceOf(RoomGone.class);
    }

    @Test
    void givenTencentFaults_whenCalling_thenRetriedOrPartialWithNoExtraCalls() {
        for (int i = 0; i < 30; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "live-" + i));
        }
        emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.THROTTLE).times(1));
        assertThat(live().rooms(Instant.EPOCH).block(WAIT).completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(proxy.count()).isEqualTo(3);

        emulator.faults()
                .add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.FAIL_PAGE_N)
                        .onPage(2)
                        .untilCleared());
        RoomSweep partial = live().rooms(Instant.EPOCH).block(WAIT);
        assertThat(partial.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(partial.rooms()).hasSize(20);
        assertThat(proxy.count()).isEqualTo(3 + 1 + 3);
    }

    @Test
    void givenConferenceRooms_whenSweepingAndListing_thenProbesAndMemberPages() {
        RoomAddress key = RoomAddress.of(Vendor.TENCENT_ROOM, TENCENT_APP, "conf-1");
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_ROOM, TENCENT_APP, "conf-1"));
        for (int i = 0; i < 70; i++) {
            emulator.world().join(key, "m" + i, false);
        }
        TencentConferenceProvider conference = TencentConferenceProvider.create(
                TencentConferenceSource.of(account(), List.of("conf-1", "conf-2"))
                        .withRetry(retry())
                        .withHttp(httpSettings()),
                http,
                timer);

        RoomSweep sweep = conference.rooms(Instant.EPOCH).block(WAIT);
        RoomRef ref =
                new RoomRef(sweep.app().room("conf-1"), sweep.rooms().get(0).incarnation());
        MemberList list = (MemberList) conference.members(ref).block(WAIT);

        assertThat(sweep.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(sweep.rooms()).extracting(RoomSighting::roomId).containsExactly("conf-1");
        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(list.members()).hasSize(70);
        assertThat(proxy.requests())
                .as("70 members in pages of 50: two pages, read twice (offset cursors can skip under churn)")
                .filteredOn(r -> r.contains("get_room_member_list"))
                .hasSize(4);
    }

    private VolcengineProvider volcengine() {
        return VolcengineProvider.create(volcSource(), http, timer);
    }

    private TencentLiveProvider live() {
        return TencentLiveProvider.create(liveSource(), http, timer);
    }

    private VolcengineSource volcSource() {
        return VolcengineSource.of(
                        VOLC_APP, EmulatorConfig.DEMO_ACCESS_KEY_ID, Secret.of(EmulatorConfig.DEMO_SECRET_ACCESS_KEY))
                .withBaseUrl(proxy.baseUrl())
                .withDataDelay(Duration.ZERO)
                .withHttp(httpSettings())
                .withRetry(retry());
    }

    private TencentLiveSource liveSource() {
        return TencentLiveSource.of(account()).withHttp(httpSettings()).withRetry(retry());
    }

    private TencentAccount account() {
        return TencentAccount.of(
                        EmulatorConfig.DEMO_SDK_APP_ID,
                        EmulatorConfig.DEMO_ADMINISTRATOR,
                        Secret.of(EmulatorConfig.DEMO_TENCENT_KEY),
                        "singapore")
                .withBaseUrl(proxy.baseUrl());
    }

    private static HttpSettings httpSettings() {
        return HttpSettings.defaults().withRequestTimeout(Duration.ofSeconds(1));
    }

    private static RetrySettings retry() {
        return RetrySettings.defaults()
                .withMaxTransientRetries(2)
                .withMaxThrottledRetries(3)
                .withFirstBackoff(Duration.ofMillis(20))
                .withThrottledWait(Duration.ofMillis(100))
                .withMaxBackoff(Duration.ofMillis(200));
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
    }
}
