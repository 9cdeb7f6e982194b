package io.roomwatch.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.roomwatch.emulator.Fault;
import io.roomwatch.emulator.FaultKind;
import io.roomwatch.emulator.RateLimits;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.Vendor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

/**
 * The odd answers of issue 14 as the emulator serves them, seen by a plain HTTP client: compressed bodies, answers
 * without a status, stuck cursors, bad items, other time spellings, a base path.
 */
class OddAnswerFaultsTest {

    private static final String APP = Long.toString(TestEmulator.SDK_APP_ID);

    private TestEmulator emu;

    @BeforeEach
    void startEmulator() {
        emu = TestEmulator.start(TestEmulator.config().withRateLimits(RateLimits.disabled()), Instant.now());
        for (int i = 0; i < 25; i++) {
            emu.world().createRoom(RoomSpec.of(Vendor.TENCENT_LIVE, APP, "room-" + i));
        }
        emu.world().createRoom(RoomSpec.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "room-1"));
        emu.world().join(RoomAddress.of(Vendor.VOLCENGINE, TestEmulator.VOLC_APP, "room-1"), "alice", false);
        emu.world().join(RoomAddress.of(Vendor.TENCENT_LIVE, APP, "room-1"), "bob", false);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void gzipDeflateAndUnknownEncodings_areLabelledAndEncodedAsSaid() {
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.GZIP_BODY));
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.DEFLATE_BODY));
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.UNKNOWN_ENCODING));

        Raw gzip = rawRoomList();
        Raw deflate = rawRoomList();
        Raw br = rawRoomList();

        assertThat(gzip.encoding()).isEqualTo("gzip");
        assertThat(json(gunzip(gzip.body())).path("ActionStatus").asText()).isEqualTo("OK");
        assertThat(deflate.encoding()).isEqualTo("deflate");
        assertThat(json(inflate(deflate.body())).path("ActionStatus").asText()).isEqualTo("OK");
        assertThat(br.encoding()).isEqualTo("br");
        assertThat(json(br.body()).path("ActionStatus").asText()).isEqualTo("OK");
        assertThat(rawRoomList().encoding()).as("one call each").isNull();
    }

    @Test
    void noStatus_isAn200WithoutAnyStatus_forBothVendors() {
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.NO_STATUS));
        emu.emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.NO_STATUS));

        TestEmulator.Resp tencent = emu.live("get_member_list", "{\"RoomId\":\"room-1\",\"Next\":\"\"}");
        TestEmulator.Resp volc = onlineUsers();

        assertThat(tencent.status()).isEqualTo(200);
        assertThat(tencent.json().has("ActionStatus")).isFalse();
        assertThat(tencent.json().has("ErrorCode")).isFalse();
        assertThat(tencent.json().path("ErrorInfo").asText()).isEqualTo("upstream timeout");
        assertThat(volc.status()).isEqualTo(200);
        assertThat(volc.json().has("Result")).isFalse();
        assertThat(volc.json().path("ResponseMetadata").has("Error")).isFalse();
    }

    @Test
    void stuckCursor_answersTheCursorItWasAskedWithAndNothingElse_fromPage2() {
        emu.emulator
                .faults()
                .add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.STUCK_CURSOR).untilCleared());

        JsonNode first = roomList("").json().path("Response");
        String next = first.path("Next").asText();
        JsonNode second = roomList(next).json().path("Response");
        JsonNode third = roomList(second.path("Next").asText()).json().path("Response");

        assertThat(first.path("RoomList")).hasSize(20);
        assertThat(second.path("Next").asText()).isEqualTo(next);
        assertThat(second.path("RoomList")).isEmpty();
        assertThat(third.path("Next").asText()).isEqualTo(next);
    }

    @Test
    void badItem_addsUnusableItemsToTheList() {
        emu.emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.BAD_ITEM));
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.BAD_ITEM));

        JsonNode visible = onlineUsers().json().at("/Result/VisibleUserList");
        JsonNode members = emu.live("get_member_list", "{\"RoomId\":\"room-1\",\"Next\":\"\"}")
                .json()
                .at("/Response/MemberList");

        assertThat(visible.get(0).asText()).isEqualTo("alice");
        assertThat(visible.get(1).asText()).isEmpty();
        assertThat(visible.get(2).isNull()).isTrue();
        assertThat(members.get(0).path("Member_Account").asText()).isEqualTo("bob");
        assertThat(members.get(1).has("Member_Account")).isFalse();
        assertThat(members.get(3).isNull()).isTrue();
    }

    @Test
    void oddTimes_writeOffsetsWithoutAColonAndCreateTimeAsText() {
        emu.emulator.faults().add(Fault.of(Vendor.VOLCENGINE, FaultKind.ODD_TIMES));
        emu.emulator.faults().add(Fault.of(Vendor.TENCENT_LIVE, FaultKind.ODD_TIMES));

        String start = Instant.ofEpochSecond(emu.nowMillis() / 1000 - 60).toString();
        JsonNode item = emu.volc(
                        "Action",
                        "ListRoomInfo",
                        "Version",
                        "2020-12-01",
                        "AppId",
                        TestEmulator.VOLC_APP,
                        "StartTime",
                        start,
                        "EndTime",
                        Instant.ofEpochSecond(emu.nowMillis() / 1000).toString())
                .json()
                .at("/Result/RoomList/0");
        JsonNode room = roomList("").json().at("/Response/RoomList/0");

        assertThat(item.path("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0800");
        assertThat(room.path("CreateTime").isTextual()).isTrue();
    }

    @Test
    void basePath_servesTheVendorApisOnlyUnderIt_andTheControlApiAtTheRoot() {
        TestEmulator gateway = TestEmulator.start(
                TestEmulator.config().withRateLimits(RateLimits.disabled()).withBasePath("/tim-gw"), Instant.now());
        try {
            String userSig = new com.tencentyun.TLSSigAPIv2(TestEmulator.SDK_APP_ID, TestEmulator.TENCENT_KEY)
                    .genUserSig(TestEmulator.ADMIN, 86400);
            String query = "?sdkappid=" + APP + "&identifier=" + TestEmulator.ADMIN + "&usersig=" + userSig
                    + "&random=1&contenttype=json";
            String body = "{\"Next\":\"\",\"Count\":20}";
            Map<String, String> json = Map.of("content-type", "application/json");

            assertThat(gateway.send(
                                    HttpMethod.POST,
                                    "/tim-gw/v4/live_engine_http_srv/get_room_list" + query,
                                    json,
                                    body)
                            .tencentCode())
                    .isZero();
            assertThat(gateway.send(HttpMethod.POST, "/v4/live_engine_http_srv/get_room_list" + query, json, body)
                            .status())
                    .isEqualTo(404);
            assertThat(gateway.control(HttpMethod.GET, "health", "").status()).isEqualTo(200);
            assertThat(gateway.emulator.vendorBaseUrl()).endsWith("/tim-gw");
        } finally {
            gateway.close();
        }
    }

    private record Raw(String encoding, byte[] body) {}

    private Raw rawRoomList() {
        String userSig = new com.tencentyun.TLSSigAPIv2(TestEmulator.SDK_APP_ID, TestEmulator.TENCENT_KEY)
                .genUserSig(TestEmulator.ADMIN, 86400);
        String uri = "/v4/live_engine_http_srv/get_room_list?sdkappid=" + APP + "&identifier=" + TestEmulator.ADMIN
                + "&usersig=" + userSig + "&random=1&contenttype=json";
        return emu.http
                .post()
                .uri(uri)
                .send(ByteBufFlux.fromString(Mono.just("{\"Next\":\"\",\"Count\":20}")))
                .responseSingle((res, content) -> content.asByteArray()
                        .map(bytes -> new Raw(res.responseHeaders().get("content-encoding"), bytes)))
                .block(Duration.ofSeconds(10));
    }

    private TestEmulator.Resp roomList(String next) {
        return emu.live("get_room_list", "{\"Next\":\"" + next + "\",\"Count\":20}");
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

    private static JsonNode json(byte[] bytes) {
        return new TestEmulator.Resp(200, new String(bytes, StandardCharsets.UTF_8)).json();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] inflate(byte[] bytes) {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
