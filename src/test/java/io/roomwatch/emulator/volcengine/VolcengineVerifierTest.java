package io.roomwatch.emulator.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.emulator.TestEmulator;
import io.roomwatch.emulator.TestSigner;
import io.roomwatch.emulator.Tolerance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signature verification over real HTTP, pinned by requests signed outside the emulator. */
class VolcengineVerifierTest {

    private static final Instant NEW_YEAR_2025 = Instant.parse("2025-01-01T00:00:00Z");

    private TestEmulator emu;

    @AfterEach
    void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    @Test
    void requestSignedByVolcSdkJava_isAccepted() {
        // vendor-apis.md "Vector produced by that official signer" (volc-sdk-java SignerV4Impl), replayed byte for byte
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> headers = Map.of(
                "Host",
                "127.0.0.1:18080",
                "X-Date",
                "20250101T000000Z",
                "X-Content-Sha256",
                TestSigner.EMPTY_SHA256,
                "Authorization",
                "HMAC-SHA256 Credential=AKLTtestaccesskey/"
                        + "20250101/cn-north-1/rtc/request, SignedHeaders=host;x-content-sha256;x-date, "
                        + "Signature=abc1a584508f633d450a7ce817b3f523127440d0815952710bb4f0067807178b");
        String query = "Action=ListRoomInfo&Version=2020-12-01&AppId=661e0000543cf"
                + "&StartTime=2022-05-22T12%3A00%3A00%2B08%3A00&EndTime=2022-05-22T12%3A59%3A00%2B08%3A00";

        TestEmulator.Resp resp = emu.get("/?" + query, headers);

        // authenticated; the 2022 window is then refused by the 14-day look-back, a business error after the gateway
        assertThat(resp.volcCode()).isEqualTo("InvalidParameter.OutofTimeRange");
        assertThat(resp.status()).isEqualTo(400);
    }

    @Test
    void v3Request_isAcceptedAndAnswered() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> headers = Map.of(
                "Host",
                "rtc.volcengineapi.com",
                "X-Date",
                "20250101T000000Z",
                "X-Content-Sha256",
                TestSigner.EMPTY_SHA256,
                "Content-Type",
                "application/x-www-form-urlencoded; charset=utf-8",
                "Authorization",
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20250101/cn-north-1/rtc/request, "
                        + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
                        + "Signature=b0ecfba4cffbcfd3666ef4897011bbc290befb7ca3ed1b1783a9bc402005b620");

        TestEmulator.Resp resp = emu.get(
                "/?Action=GetRoomOnlineUsers&AppId=661e0000543cf&RoomId=Room1" + "&Version=2023-11-01", headers);

        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.json().get("Result").toString()).isEqualTo("{\"RoomExists\":false}");
    }

    @Test
    void oneTamperedByte_isSignatureDoesNotMatch() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> headers = signed(
                Map.of(
                        "Action",
                        "GetRoomOnlineUsers",
                        "Version",
                        "2023-11-01",
                        "AppId",
                        TestEmulator.VOLC_APP,
                        "RoomId",
                        "Room1"),
                TestEmulator.AK,
                TestEmulator.SK);

        TestEmulator.Resp resp = emu.get(
                "/?Action=GetRoomOnlineUsers&AppId=661e0000543cf&RoomId=Room2" + "&Version=2023-11-01", headers);

        assertGatewayError(resp, 401, "SignatureDoesNotMatch", 100010);
    }

    @Test
    void wrongSecret_isSignatureDoesNotMatch() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> query = rooms();

        TestEmulator.Resp resp = emu.get("/?" + TestSigner.query(query), signed(query, TestEmulator.AK, "not-the-sk"));

        assertGatewayError(resp, 401, "SignatureDoesNotMatch", 100010);
    }

    @Test
    void unknownAccessKey_isInvalidAccessKey() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> query = rooms();

        TestEmulator.Resp resp = emu.get("/?" + TestSigner.query(query), signed(query, "AKLTnobody", "x"));

        assertGatewayError(resp, 401, "InvalidAccessKey", 100009);
    }

    @Test
    void xDateSkewedBeyondTheWindow_isInvalidTimestamp_400ByDefault_403WhenConfigured() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> query = rooms();
        Map<String, String> headers = signed(query, TestEmulator.AK, TestEmulator.SK);
        String uri = "/?" + TestSigner.query(query);

        emu.advance(Duration.ofSeconds(900));
        assertThat(emu.get(uri, headers).status()).isEqualTo(200); // 900 s is still inside ±900 s
        emu.advance(Duration.ofSeconds(1));
        assertGatewayError(emu.get(uri, headers), 400, "InvalidTimestamp", 100006);
        emu.close();

        emu = TestEmulator.start(
                TestEmulator.config().withTolerance(Tolerance.defaults().withInvalidTimestampStatus(403)),
                NEW_YEAR_2025.minusSeconds(901));
        assertGatewayError(emu.get(uri, headers), 403, "InvalidTimestamp", 100006);
    }

    @Test
    void noAuthorization_isMissingAuthenticationToken_andNoActionIsMissingParameter() {
        emu = TestEmulator.start(NEW_YEAR_2025);

        assertGatewayError(
                emu.get("/?" + TestSigner.query(rooms()), Map.of()), 401, "MissingAuthenticationToken", 100003);
        assertGatewayError(emu.volc("Version", "2020-12-01"), 400, "MissingParameter", 100002);
    }

    @Test
    void unknownActionOrVersion_isInvalidActionOrVersion() {
        emu = TestEmulator.start(NEW_YEAR_2025);

        assertGatewayError(
                emu.volc("Action", "ListRoomInfo", "Version", "2019-01-01", "AppId", TestEmulator.VOLC_APP),
                404,
                "InvalidActionOrVersion",
                100008);
        assertGatewayError(
                emu.volc("Action", "KickUser", "Version", "2020-12-01", "AppId", TestEmulator.VOLC_APP),
                404,
                "InvalidActionOrVersion",
                100008);
    }

    @Test
    void unsortedSignedHeadersAsInTheOfficialDemo_areVerifiedInTheGivenOrder() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> query = rooms();
        Map<String, String> headers = new HashMap<>(Map.of(
                "host",
                "127.0.0.1:" + emu.emulator.port(),
                "x-date",
                "20250101T000000Z",
                "x-content-sha256",
                TestSigner.EMPTY_SHA256,
                "content-type",
                "application/json"));
        List<String> demoOrder = List.of("host", "x-date", "x-content-sha256", "content-type");
        headers.put(
                "authorization",
                TestSigner.authorization(
                        query, headers, demoOrder, TestEmulator.AK, TestEmulator.SK, "cn-north-1", "rtc"));

        assertThat(emu.get("/?" + TestSigner.query(query), headers).status()).isEqualTo(200);
    }

    @Test
    void xDateNotSigned_orForeignRegion_isRejected() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        Map<String, String> query = rooms();
        Map<String, String> headers =
                new HashMap<>(Map.of("host", "127.0.0.1:" + emu.emulator.port(), "x-date", "20250101T000000Z"));
        headers.put(
                "authorization",
                TestSigner.authorization(
                        query, headers, List.of("host"), TestEmulator.AK, TestEmulator.SK, "cn-north-1", "rtc"));
        assertGatewayError(emu.get("/?" + TestSigner.query(query), headers), 401, "SignatureDoesNotMatch", 100010);

        headers.put(
                "authorization",
                TestSigner.authorization(
                        query,
                        headers,
                        List.of("host", "x-date"),
                        TestEmulator.AK,
                        TestEmulator.SK,
                        "ap-singapore-1",
                        "rtc"));
        assertGatewayError(emu.get("/?" + TestSigner.query(query), headers), 401, "SignatureDoesNotMatch", 100010);
    }

    @Test
    void rawPlusInAnRfc3339Time_decodesToASpace_andIsAnInvalidParameter() {
        emu = TestEmulator.start(NEW_YEAR_2025);
        // the client signed the '+' it meant, but sent it raw: the server reads a space, as form decoding says
        Map<String, String> meant = Map.of(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                "2024-12-31T12:00:00 08:00",
                "EndTime",
                "2024-12-31T13:00:00 08:00");
        String raw = "/?Action=ListRoomInfo&Version=2020-12-01&AppId=" + TestEmulator.VOLC_APP
                + "&StartTime=2024-12-31T12:00:00+08:00&EndTime=2024-12-31T13:00:00+08:00";

        TestEmulator.Resp resp = emu.get(raw, signed(meant, TestEmulator.AK, TestEmulator.SK));

        assertThat(resp.status()).isEqualTo(400);
        assertThat(resp.volcCode()).isEqualTo("InvalidParameter");
        assertThat(resp.json().get("Result").isEmpty()).isTrue();
    }

    @Test
    void appOfAnotherAccount_orUnknownApp_isRefusedAfterAuthentication() {
        emu = TestEmulator.start(NEW_YEAR_2025);

        TestEmulator.Resp foreign =
                emu.volc("Action", "GetRoomOnlineUsers", "Version", "2023-11-01", "AppId", "otherapp", "RoomId", "r1");
        TestEmulator.Resp unknown =
                emu.volc("Action", "GetRoomOnlineUsers", "Version", "2023-11-01", "AppId", "nosuchapp", "RoomId", "r1");

        assertThat(foreign.volcCode()).isEqualTo("InvalidParameter.AccountIdMismatch");
        assertThat(foreign.json().at("/ResponseMetadata/Error/Message").asText())
                .isEqualTo("Check owner failed");
        assertThat(unknown.volcCode()).isEqualTo("InvalidParameter.NotExistAppId");
    }

    private Map<String, String> signed(Map<String, String> query, String ak, String sk) {
        return TestSigner.sign(query, "127.0.0.1:" + emu.emulator.port(), "20250101T000000Z", ak, sk);
    }

    private static Map<String, String> rooms() {
        return TestSigner.params(
                "Action",
                "ListRoomInfo",
                "Version",
                "2020-12-01",
                "AppId",
                TestEmulator.VOLC_APP,
                "StartTime",
                "2024-12-31T12:00:00+08:00",
                "EndTime",
                "2024-12-31T13:00:00+08:00");
    }

    private static void assertGatewayError(TestEmulator.Resp resp, int status, String code, int codeN) {
        assertThat(resp.status()).as(resp.body()).isEqualTo(status);
        assertThat(resp.volcCode()).isEqualTo(code);
        assertThat(resp.json().at("/ResponseMetadata/Error/CodeN").asInt()).isEqualTo(codeN);
        assertThat(resp.json().has("Result")).isFalse();
    }
}
