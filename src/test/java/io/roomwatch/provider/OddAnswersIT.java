package io.roomwatch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.HttpSettings;
import io.roomwatch.config.RetrySettings;
import io.roomwatch.config.Secret;
import io.roomwatch.config.TencentAccount;
import io.roomwatch.config.TencentConferenceSource;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.RunningEmulator;
import io.roomwatch.emulator.Staleness;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.VendorEmulator;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.TencentConferenceProvider;
import io.roomwatch.provider.tencent.TencentLiveProvider;
import io.roomwatch.provider.volcengine.VolcengineProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Issue 14 end to end: the real clients against the vendor emulator serving odd answers (stuck cursors, answers
 * without a status, other time spellings, compressed bodies, a gateway base path, bad items), real time, 127.0.0.1.
 */
@Timeout(120)
class OddAnswersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VOLC_APP = EmulatorConfig.DEMO_VOLCENGINE_APP;
    private static final String TENCENT_APP = Long.toString(EmulatorConfig.DEMO_SDK_APP_ID);

    private final Scheduler timer = Schedulers.parallel();
    private final VendorHttp http =
            VendorHttp.create("it", HttpSettings.defaults().withRequestTimeout(Duration.ofSeconds(2)), timer);
    private RunningEmulator emulator;

    @AfterEach
    void stop() {
        http.close();
        if (emulator != null) {
            emulator.stop().block(WAIT);
        }
    }

    @Test
    void givenStuckCursorsOnEveryPagedApi_whenListing_thenEachWalkEndsAtOncePartial() {
        start(EmulatorConfig.demo());
        for (int i = 0; i < 30; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "live-" + i));
            emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "volc-" + i));
        }
        for (int i = 0; i < 120; i++) {
            emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "more-" + i));
        }
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_ROOM, TENCENT_APP, "conf"));
        for (int i = 0; i < 70; i++) {
            emulator.world().join(RoomAddress.of(Vendor.TENCENT_ROOM, TENCENT_APP, "conf"), "m" + i, false);
        }
        for (Vendor vendor : List.of(Vendor.TENCENT_LIVE, Vendor.TENCENT_ROOM, Vendor.VOLCENGINE)) {
            emulator.faults().add(Fault.of(vendor, FaultKind.STUCK_CURSOR).untilCleared());
        }

        RoomSweep live = live(base()).rooms(Instant.EPOCH).block(WAIT);
        RoomSweep volc =
                volcengine(base()).rooms(now().minus(Duration.ofHours(1))).block(WAIT);
        TencentConferenceProvider conference = conference(base(), "conf");
        RoomSweep conferenceRooms = conference.rooms(Instant.EPOCH).block(WAIT);
        MemberList members = (MemberList) conference
                .members(new RoomRef(
                        conferenceRooms.app().room("conf"),
                        conferenceRooms.rooms().get(0).incarnation()))
                .block(WAIT);

        assertThat(live.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(live.rooms()).hasSize(20);
        assertThat(emulator.calls(Api.LIVE_GET_ROOM_LIST).served()).isEqualTo(2);
        assertThat(volc.rooms()).hasSize(100);
        assertThat(volc.listedUntil()).isNull();
        assertThat(emulator.calls(Api.LIST_ROOM_INFO).served()).isEqualTo(2);
        assertThat(members.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(members.members()).hasSize(50);
        assertThat(emulator.calls(Api.ROOM_GET_ROOM_MEMBER_LIST).served()).isEqualTo(2);
    }

    @Test
    void givenOneAnswerWithoutAStatus_whenListingMembers_thenRetriedNeverEmpty() {
        start(EmulatorConfig.demo());
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "r1"));
        emulator.world().join(RoomAddress.of(Vendor.TENCENT_LIVE, TENCENT_APP, "r1"), "alice", false);
        emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.NO_STATUS).withApi(Api.LIVE_GET_MEMBER_LIST));
        TencentLiveProvider live = live(base());

        MemberList list = (MemberList) live.members(ref(live, "r1")).block(WAIT);

        assertThat(list.members()).containsOnlyKeys("alice");
        assertThat(list.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(emulator.calls(Api.LIVE_GET_MEMBER_LIST).served()).isEqualTo(2);
        assertThat(budget(live, "get_member_list").flaws(AnswerFlaw.MALFORMED)).isEqualTo(1);
    }

    @Test
    void givenOffsetsWithoutAColonAndCreateTimeAsText_whenSweeping_thenTimesAreRead() {
        start(EmulatorConfig.demo());
        emulator.world()
                .createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "v1").withCallId("call-1"));
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "t1"));
        emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.ODD_TIMES).untilCleared());
        emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.ODD_TIMES).untilCleared());

        RoomSweep volc =
                volcengine(base()).rooms(now().minus(Duration.ofHours(1))).block(WAIT);
        RoomSweep live = live(base()).rooms(Instant.EPOCH).block(WAIT);

        assertThat(volc.rooms()).singleElement().satisfies(r -> assertThat(r.createdAt())
                .isNotNull());
        assertThat(volc.listedUntil()).isNotNull();
        assertThat(live.rooms()).singleElement().satisfies(r -> assertThat(r.createdAt())
                .isNotNull());
        assertThat(live.completeness()).isEqualTo(Completeness.COMPLETE);
    }

    @Test
    void givenCompressedBodies_whenCalling_thenDecodedOrTheEncodingNamed() {
        start(EmulatorConfig.demo());
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "t1"));
        emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "v1"));
        emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.GZIP_BODY).untilCleared());
        emulator.faults()
                .add(Fault.of(Vendor.VOLCENGINE, FaultKind.DEFLATE_BODY).untilCleared());

        RoomSweep live = live(base()).rooms(Instant.EPOCH).block(WAIT);
        RoomSweep volc =
                volcengine(base()).rooms(now().minus(Duration.ofHours(1))).block(WAIT);
        emulator.faults().clear();
        emulator.faults()
                .add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.UNKNOWN_ENCODING).untilCleared());

        assertThat(live.rooms()).extracting(RoomSighting::roomId).containsExactly("t1");
        assertThat(volc.rooms()).extracting(RoomSighting::roomId).containsExactly("v1");
        StepVerifier.create(live(base()).rooms(Instant.EPOCH))
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(VendorUnavailable.class).hasMessageContaining("Content-Encoding br"))
                .verify(WAIT);
    }

    @Test
    void givenAGatewayBasePath_whenCallingEveryVendor_thenThePathIsKeptAndSignaturesVerify() {
        start(EmulatorConfig.demo().withBasePath("/tim-gw"));
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "t1"));
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_ROOM, TENCENT_APP, "c1"));
        emulator.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "v1"));
        emulator.world().join(RoomAddress.of(Vendor.VOLCENGINE, VOLC_APP, "v1"), "alice", false);
        URI gateway = URI.create(emulator.vendorBaseUrl());

        RoomSweep live = live(gateway).rooms(Instant.EPOCH).block(WAIT);
        RoomSweep conference = conference(gateway, "c1").rooms(Instant.EPOCH).block(WAIT);
        VolcengineProvider volc = volcengine(gateway);
        RoomSweep volcRooms = volc.rooms(now().minus(Duration.ofHours(1))).block(WAIT);
        MemberList volcMembers = (MemberList) volc.members(new RoomRef(
                        volcRooms.app().room("v1"), volcRooms.rooms().get(0).incarnation()))
                .block(WAIT);

        assertThat(live.rooms()).extracting(RoomSighting::roomId).containsExactly("t1");
        assertThat(conference.rooms()).extracting(RoomSighting::roomId).containsExactly("c1");
        assertThat(volcMembers.members()).isEqualTo(Map.of("alice", Visibility.VISIBLE));
    }

    @Test
    void givenBadItemsInMemberLists_whenListing_thenTheGoodOnesArePresentAndTheListPartial() {
        start(EmulatorConfig.demo());
        emulator.world()
                .createRoom(RoomSpec.of(Vendor.VOLCENGINE, VOLC_APP, "v1").withCallId("call-1"));
        emulator.world().join(RoomAddress.of(Vendor.VOLCENGINE, VOLC_APP, "v1"), "alice", false);
        emulator.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, TENCENT_APP, "t1"));
        emulator.world().join(RoomAddress.of(Vendor.TENCENT_LIVE, TENCENT_APP, "t1"), "bob", false);
        emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.BAD_ITEM).untilCleared());
        emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.BAD_ITEM).untilCleared());
        VolcengineProvider volc = volcengine(base());
        TencentLiveProvider live = live(base());

        MemberList volcMembers = (MemberList)
                volc.members(new RoomRef(volc.app().room("v1"), "call-1")).block(WAIT);
        MemberList liveMembers = (MemberList) live.members(ref(live, "t1")).block(WAIT);
        RoomSweep volcRooms = volc.rooms(now().minus(Duration.ofHours(1))).block(WAIT);

        assertThat(volcMembers.members()).isEqualTo(Map.of("alice", Visibility.VISIBLE));
        assertThat(volcMembers.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(liveMembers.members()).containsOnlyKeys("bob");
        assertThat(liveMembers.completeness()).isEqualTo(Completeness.PARTIAL);
        assertThat(volcRooms.rooms()).extracting(RoomSighting::roomId).containsExactly("v1");
        assertThat(volcRooms.listedUntil())
                .as("a skipped room: the window is not fully listed")
                .isNull();
    }

    private void start(EmulatorConfig config) {
        emulator = VendorEmulator.create(config.withStaleness(Staleness.none()), timer)
                .start()
                .block(WAIT);
    }

    private URI base() {
        return URI.create(emulator.baseUrl());
    }

    private VolcengineProvider volcengine(URI baseUrl) {
        return VolcengineProvider.create(
                VolcengineSource.of(
                                VOLC_APP,
                                EmulatorConfig.DEMO_ACCESS_KEY_ID,
                                Secret.of(EmulatorConfig.DEMO_SECRET_ACCESS_KEY))
                        .withBaseUrl(baseUrl)
                        .withDataDelay(Duration.ZERO)
                        .withHttp(http.settings())
                        .withRetry(retry()),
                http,
                timer);
    }

    private TencentLiveProvider live(URI baseUrl) {
        return TencentLiveProvider.create(
                TencentLiveSource.of(account(baseUrl)).withHttp(http.settings()).withRetry(retry()), http, timer);
    }

    private TencentConferenceProvider conference(URI baseUrl, String... rooms) {
        return TencentConferenceProvider.create(
                TencentConferenceSource.of(account(baseUrl), List.of(rooms))
                        .withHttp(http.settings())
                        .withRetry(retry()),
                http,
                timer);
    }

    private static TencentAccount account(URI baseUrl) {
        return TencentAccount.of(
                        EmulatorConfig.DEMO_SDK_APP_ID,
                        EmulatorConfig.DEMO_ADMINISTRATOR,
                        Secret.of(EmulatorConfig.DEMO_TENCENT_KEY),
                        "singapore")
                .withBaseUrl(baseUrl);
    }

    private static RoomRef ref(RtcProvider provider, String roomId) {
        return new RoomRef(provider.app().room(roomId), "1");
    }

    private static BudgetView budget(RtcProvider provider, String api) {
        return provider.budgets().stream()
                .filter(b -> b.api().equals(api))
                .findFirst()
                .orElseThrow();
    }

    private static RetrySettings retry() {
        return RetrySettings.defaults()
                .withMaxTransientRetries(2)
                .withFirstBackoff(Duration.ofMillis(20))
                .withThrottledWait(Duration.ofMillis(100))
                .withMaxBackoff(Duration.ofMillis(200));
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
    }
}
