package io.roomwatch.emulator.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.emulator.TestEmulator;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Tencent request checks before any business logic: method, app, administrator, body. Always HTTP 200. */
class TencentAuthTest {

    private TestEmulator emu;

    @BeforeEach
    void start() {
        emu = TestEmulator.start(Instant.now());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void validAdministrator_isServed() {
        TestEmulator.Resp resp = emu.live("get_room_list", "{\"Next\":\"\",\"Count\":20}");

        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.json().get("ActionStatus").asText()).isEqualTo("OK");
        assertThat(resp.json().at("/Response/Next").asText()).isEmpty();
    }

    @Test
    void nonAdministrator_is60010_unknownApp_is70020() {
        TestEmulator.Resp notAdmin = emu.tencent(
                "live_engine_http_srv",
                "get_room_list",
                TestEmulator.SDK_APP_ID,
                TestEmulator.TENCENT_KEY,
                "ordinary-user",
                "{}");
        TestEmulator.Resp unknownApp = emu.tencent(
                "room_engine_http_srv", "get_room_info", 1499999999L, "k", TestEmulator.ADMIN, "{\"RoomId\":\"r\"}");

        assertThat(notAdmin.tencentCode()).isEqualTo(60010);
        assertThat(unknownApp.tencentCode()).isEqualTo(70020);
        assertThat(unknownApp.status()).isEqualTo(200);
    }

    @Test
    void missingQueryParts_haveTheirCodes() {
        Map<String, String> json = Map.of("content-type", "application/json");

        assertThat(emu.send(HttpMethod.POST, "/v4/live_engine_http_srv/get_room_list?identifier=a", json, "{}")
                        .tencentCode())
                .isEqualTo(60012);
        assertThat(emu.send(HttpMethod.POST, "/v4/live_engine_http_srv/get_room_list?sdkappid=abc", json, "{}")
                        .tencentCode())
                .isEqualTo(60006);
        assertThat(emu.send(
                                HttpMethod.POST,
                                "/v4/live_engine_http_srv/get_room_list?sdkappid=1400000000"
                                        + "&identifier=administrator",
                                json,
                                "{}")
                        .tencentCode())
                .isEqualTo(60004);
    }

    @Test
    void getMethod_emptyBody_badJson_unknownCommand_areRejected() {
        assertThat(emu.send(HttpMethod.GET, "/v4/live_engine_http_srv/get_room_list?sdkappid=1", Map.of(), "")
                        .tencentCode())
                .isEqualTo(60002);
        assertThat(emu.live("get_room_list", "").tencentCode()).isEqualTo(60003);
        assertThat(emu.live("get_room_list", "{\"Next\":").tencentCode()).isEqualTo(60003);
        assertThat(emu.live("get_room_list", "[1,2]").tencentCode()).isEqualTo(60003);
        assertThat(emu.live("create_room", "{}").tencentCode()).isEqualTo(60009);
    }

    @Test
    void invalidBodyFields_are100002_andMissingRoom_is100004() {
        assertThat(emu.live("get_room_info", "{}").tencentCode()).isEqualTo(100002);
        assertThat(emu.live("get_room_list", "{\"Next\":\"garbage\",\"Count\":20}")
                        .tencentCode())
                .isEqualTo(100002);
        assertThat(emu.live("get_room_list", "{\"Next\":\"\",\"Count\":0}").tencentCode())
                .isEqualTo(100002);
        assertThat(emu.live("get_room_info", "{\"RoomId\":\"nope\"}").tencentCode())
                .isEqualTo(100004);
        assertThat(emu.live("get_member_list", "{\"RoomId\":\"nope\",\"Next\":\"\"}")
                        .tencentCode())
                .isEqualTo(100004);
        assertThat(emu.conference("get_room_info", "{\"RoomId\":\"nope\"}").tencentCode())
                .isEqualTo(100004);
        assertThat(emu.conference("get_room_member_list", "{\"RoomId\":\"nope\"}")
                        .tencentCode())
                .isEqualTo(100004);
    }
}
