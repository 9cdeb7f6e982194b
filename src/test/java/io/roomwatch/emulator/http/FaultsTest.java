package io.roomwatch.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.RateLimits;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.TestSigner;
import io.roomwatch.emulator.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Every fault kind, as a plain Reactor Netty HttpClient sees it. */
class FaultsTest {

    private static final String APP = Long.toString(TestEmulator.SDK_APP_ID);

    private TestEmulator emu;

    @BeforeEach
    void startEmulator() {
        emu = TestEmulator.start(TestEmulator.config().withRateLimits(RateLimits.disabled()), Instant.now());
        for (int i = 0; i < 45; i++) {
            emu.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, APP, "room-" + i));
            emu.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "room-" + i));
        }
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void throttleBurst_affectsExactlyTheNextNCalls_ofTheMatchingApiAndApp() {
        emu.emulator
                .faults()
                .add(Fault.of(Vendor.VOLCENGINE, FaultKind.THROTTLE)
                        .withApi(Api.LIST_ROOM_INFO)
                        .withApp(TestEmulator.VOLC_APP)
                        .times(3));
        emu.emulator
                .faults()
                .add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.THROTTLE).withApp("1400000002"));

        assertThat(onlineUsers().status()).isEqualTo(200);
        assertThat(listRooms("1").status()).isEqualTo(429);
        assertThat(listRooms("1").volcCode()).isEqualTo("FlowLimitExceeded.QPSOverLimit");
        assertThat(listRooms("1").status()).isEqualTo(429);
        assertThat(listRooms("1").status()).isEqualTo(200);
        assertThat(roomList("").tencentCode()).isZero(); // the Tencent fault is for another app
    }

    @Test
    void http500_andHttp502_perVendor() {
        emu.emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.HTTP_500));
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.HTTP_502));

        TestEmulator.Resp volc = listRooms("1");
        TestEmulator.Resp tencent = roomList("");

        assertThat(volc.status()).isEqualTo(500);
        assertThat(volc.volcCode()).isEqualTo("InternalError");
        assertThat(tencent.status()).isEqualTo(502);
        assertThat(tencent.body()).contains("502 Bad Gateway");
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_ROOM, FaultKind.HTTP_500));
        emu.world().createRoom(RoomSpec.of(Vendor.TENCENT_ROOM, APP, "meeting"));
        assertThat(emu.conference("get_room_info", "{\"RoomId\":\"meeting\"}").status())
                .isEqualTo(500);
        assertThat(emu.conference("get_room_info", "{\"RoomId\":\"meeting\"}").status())
                .isEqualTo(200);
    }

    @Test
    void reset_closesTheConnectionWithoutAResponse() {
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.RESET));

        StepVerifier.create(emu.exchange(HttpMethod.POST, liveUri(), Map.of(), "{\"Next\":\"\",\"Count\":20}"))
                .expectError()
                .verify(Duration.ofSeconds(10));
        assertThat(roomList("").tencentCode()).isZero();
    }

    @Test
    void truncatedBody_endsPrematurely() {
        emu.emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.TRUNCATED_BODY));

        StepVerifier.create(Mono.defer(() -> Mono.just(listRoomsUri())).flatMap(this::signedGet))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("prematurely"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void malformedJson_isA200WithAnUnparsableBody() {
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.MALFORMED_JSON));

        TestEmulator.Resp resp = roomList("");

        assertThat(resp.status()).isEqualTo(200);
        assertThatThrownBy(resp::json).isInstanceOf(AssertionError.class).hasMessageStartingWith("not JSON");
    }

    @Test
    void slow_answersOnlyAfterTheDelayPassesOnTheVirtualClock() {
        emu.emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.SLOW).withDelayMillis(30_000));
        long sentAt = emu.nowMillis();

        CompletableFuture<TestEmulator.Resp> answer = signedGet(listRoomsUri()).toFuture();
        for (int step = 0; step < 500 && !answer.isDone(); step++) {
            // no wall-clock sleep: each step waits (bounded) for the answer, then moves virtual time by one second
            Mono.fromFuture(answer, true)
                    .timeout(Duration.ofMillis(20))
                    .onErrorResume(e -> Mono.empty())
                    .block();
            emu.advance(Duration.ofSeconds(1));
        }

        assertThat(answer).isCompleted();
        assertThat(answer.join().status()).isEqualTo(200);
        assertThat(emu.nowMillis() - sentAt).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void slow_withoutVirtualTimeMoving_timesTheClientOut() {
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.SLOW).withDelayMillis(1000));

        StepVerifier.create(emu.exchange(HttpMethod.POST, liveUri(), Map.of(), "{\"Next\":\"\",\"Count\":20}")
                        .timeout(Duration.ofMillis(300)))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void failPageN_failsOnlyThatPage_volcengineWith500_tencentWith100001() {
        emu.emulator
                .faults()
                .add(Fault.of(Vendor.VOLCENGINE, FaultKind.FAIL_PAGE_N).onPage(2));
        long tencent = emu.emulator
                .faults()
                .add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.FAIL_PAGE_N)
                        .onPage(2)
                        .untilCleared());

        assertThat(listRooms("1").status()).isEqualTo(200);
        assertThat(listRooms("2").status()).isEqualTo(500);
        assertThat(listRooms("2").status()).isEqualTo(200);
        String next = roomList("").json().at("/Response/Next").asText();
        assertThat(roomList(next).tencentCode()).isEqualTo(100001);
        assertThat(roomList(next).tencentCode()).isEqualTo(100001);
        assertThat(emu.emulator.faults().remove(tencent)).isTrue();
        assertThat(roomList(next).json().at("/Response/RoomList")).hasSize(20);
    }

    private TestEmulator.Resp listRooms(String pageNum) {
        return emu.volc(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                windowStart(),
                "EndTime",
                windowStart(),
                "PageNum",
                pageNum,
                "PageSize",
                "20");
    }

    private String listRoomsUri() {
        return TestSigner.query(TestSigner.params(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                windowStart(),
                "EndTime",
                windowStart()));
    }

    private Mono<TestEmulator.Resp> signedGet(String query) {
        String xDate = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(emu.nowMillis()));
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> headers =
                TestSigner.sign(params, "127.0.0.1:" + emu.emulator.port(), xDate, TestEmulator.AK, TestEmulator.SK);
        return emu.exchange(HttpMethod.GET, "/?" + query, headers, "");
    }

    private String windowStart() {
        return Instant.ofEpochSecond(emu.nowMillis() / 1000).toString();
    }

    private TestEmulator.Resp onlineUsers() {
        return emu.volc(
                "Action",
                "GetRoomOnlineUsers",
                "Version",
                "2023-11-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "RoomId",
                "room-1");
    }

    private TestEmulator.Resp roomList(String next) {
        return emu.live("get_room_list", "{\"Next\":\"" + next + "\",\"Count\":20}");
    }

    private String liveUri() {
        String userSig = new com.tencentyun.TLSSigAPIv2(TestEmulator.SDK_APP_ID, TestEmulator.TENCENT_KEY)
                .genUserSig(TestEmulator.ADMIN, 86400);
        return "/v4/live_engine_http_srv/get_room_list?sdkappid=" + APP + "&identifier=" + TestEmulator.ADMIN
                + "&usersig=" + userSig + "&random=1&contenttype=json";
    }
}
