package io.roomwatch.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.emulator.Api;
import io.roomwatch.emulator.RateLimits;
import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.ThrottleReply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-API, per-app sliding one-second windows on the virtual clock, with the configurable throttle answers. */
class RateLimitTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private TestEmulator emu;

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void listRoomInfo_serves60_thenThrottlesWith429QpsOverLimit_untilTheWindowSlides() {
        emu = TestEmulator.start(T0);

        assertThat(statuses(60, this::listRooms)).containsOnly(200);
        TestEmulator.Resp throttled = listRooms();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.volcCode()).isEqualTo("FlowLimitExceeded.QPSOverLimit");
        assertThat(throttled.json().at("/ResponseMetadata/Error/Message").asText())
                .isEqualTo("Qps exceeded the limit");

        emu.advance(Duration.ofMillis(999));
        assertThat(listRooms().status()).isEqualTo(429); // all 60 still inside (t - 1 s, t]
        emu.advance(Duration.ofMillis(1));
        assertThat(statuses(60, this::listRooms)).containsOnly(200);
        assertThat(listRooms().status()).isEqualTo(429);
    }

    @Test
    void windowSlides_callByCall_andThrottledCallsDoNotCount() {
        emu = TestEmulator.start(
                TestEmulator.config().withRateLimits(RateLimits.documented().withLimit(Api.GET_ROOM_ONLINE_USERS, 4)),
                T0);

        assertThat(statuses(2, this::onlineUsers)).containsOnly(200); // t = 0
        emu.advance(Duration.ofMillis(500));
        assertThat(statuses(3, this::onlineUsers)).containsExactly(200, 200, 429); // t = 500
        emu.advance(Duration.ofMillis(500));
        // t = 1000: the two calls of t = 0 left the window; the throttled one was never counted
        assertThat(statuses(3, this::onlineUsers)).containsExactly(200, 200, 429);
    }

    @Test
    void limitsArePerApiAndPerApp() {
        emu = TestEmulator.start(T0);

        assertThat(statuses(60, this::listRooms)).containsOnly(200);
        assertThat(onlineUsers().status()).isEqualTo(200);
    }

    @Test
    void tencentGetRoomList_serves10_thenAnswers60007WithHttp200_orTheConfiguredCode() {
        emu = TestEmulator.start(Instant.now());
        assertThat(codes(10)).containsOnly(0);
        TestEmulator.Resp throttled = emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}");
        assertThat(throttled.status()).isEqualTo(200);
        assertThat(throttled.tencentCode()).isEqualTo(60007);
        emu.advance(Duration.ofSeconds(1));
        assertThat(codes(10)).containsOnly(0);
        emu.close();

        emu = TestEmulator.start(
                TestEmulator.config()
                        .withThrottle(ThrottleReply.defaults()
                                .withTencentErrorCode(60018)
                                .withVolcengine(503, "FlowLimitExceeded", 100018)),
                Instant.now());
        assertThat(codes(11)).endsWith(60018);
        assertThat(statuses(60, this::listRoomsNow)).containsOnly(200);
        TestEmulator.Resp volc = listRoomsNow();
        assertThat(volc.status()).isEqualTo(503);
        assertThat(volc.json().at("/ResponseMetadata/Error/CodeN").asInt()).isEqualTo(100018);
    }

    @Test
    void disabledLimits_serveEverything() {
        emu = TestEmulator.start(TestEmulator.config().withRateLimits(RateLimits.disabled()), T0);

        assertThat(statuses(100, this::listRooms)).containsOnly(200);
    }

    private List<Integer> codes(int calls) {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            codes.add(emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}").tencentCode());
        }
        return codes;
    }

    private static List<Integer> statuses(int calls, java.util.function.Supplier<TestEmulator.Resp> call) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(call.get().status());
        }
        return statuses;
    }

    private TestEmulator.Resp listRooms() {
        return emu.volc(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                "2024-12-31T12:00:00Z",
                "EndTime",
                "2024-12-31T23:00:00Z");
    }

    private TestEmulator.Resp listRoomsNow() {
        String start = Instant.ofEpochMilli(emu.nowMillis()).minusSeconds(3600).toString();
        return emu.volc(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                start.replaceAll("\\.\\d+Z", "Z"),
                "EndTime",
                start.replaceAll("\\.\\d+Z", "Z"));
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
                "r1");
    }
}
