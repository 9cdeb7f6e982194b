package io.roomwatch.provider.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.Secret;
import io.roomwatch.provider.volcengine.VolcengineSigner.Signed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the signer to external truth: the published BytePlus hash, vendor-apis.md vectors, the official SDK. */
class VolcengineSignerTest {

    private static final byte[] EMPTY = new byte[0];
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final List<Map.Entry<String, String>> LIST_USERS = List.of(
            Map.entry("Action", "ListUsers"),
            Map.entry("Version", "2018-01-01"),
            Map.entry("Limit", "10"),
            Map.entry("Offset", "0"));

    @Test
    void givenBytePlusDocExample_whenCanonicalising_thenHashIsThePublished4809ff4a() {
        VolcengineSigner signer = VolcengineSigner.of("AKexample", Secret.of("SKexample"), "ap-singapore-1", "iam");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("Host", "iam.byteplusapi.com");
        headers.put("X-Content-Sha256", EMPTY_SHA256);
        headers.put("X-Date", "20201230T081805Z");

        Signed signed = signer.signature("GET", "/", LIST_USERS, headers, EMPTY);

        assertThat(VolcengineSigner.sha256Hex(signed.canonicalRequest().getBytes()))
                .isEqualTo("4809ff4a3260bb6714f750191275cfcf0c16466951fcfd99187e69644b6ae020");
        assertThat(signed.canonicalRequest()).contains("x-date:20201230T081805Z\n\ncontent-type;host;");
    }

    @Test
    void givenVolcengineDemoInputs_whenSigningInBothRegions_thenMatchesVectorV2() {
        Map<String, String> headers = Map.of("Host", "iam.volcengineapi.com", "X-Date", "20240619T071306Z");
        Secret secret = Secret.of("WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==");
        String ak = "AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg";

        Signed north =
                VolcengineSigner.of(ak, secret, "cn-north-1", "iam").signature("GET", "/", LIST_USERS, headers, EMPTY);
        Signed beijing =
                VolcengineSigner.of(ak, secret, "cn-beijing", "iam").signature("GET", "/", LIST_USERS, headers, EMPTY);

        assertThat(VolcengineSigner.sha256Hex(north.canonicalRequest().getBytes()))
                .isEqualTo("5ed5bca3905e1fcbf789abb56a17c2d819674a3bcfa468ae476bd1ea80d135cb");
        assertThat(north.signingKeyHex()).isEqualTo("cfdfd2f131084200e9ebedac9de7f165ceff8f436d979e9c1527e1e209baa798");
        assertThat(north.signature()).isEqualTo("e767552e763d42fb963737a8ea9e0391d38a917b8a282417c6e98b2990280cef");
        assertThat(beijing.signature()).isEqualTo("e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93");
    }

    @Test
    void givenRtcSyntheticInputs_whenSigning_thenAuthorizationMatchesVectorV3() {
        Map<String, String> headers = Map.of(
                "Host", "rtc.volcengineapi.com",
                "X-Date", "20250101T000000Z",
                "X-Content-Sha256", EMPTY_SHA256,
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        List<Map.Entry<String, String>> query = List.of(
                Map.entry("Action", "GetRoomOnlineUsers"),
                Map.entry("Version", "2023-11-01"),
                Map.entry("AppId", "661e0000543cf"),
                Map.entry("RoomId", "Room1"));

        Signed signed = VolcengineSigner.of("AKLTtestaccesskey", Secret.of("testsecretkey"), "cn-north-1", "rtc")
                .signature("GET", "/", query, headers, EMPTY);

        assertThat(signed.signingKeyHex())
                .isEqualTo("f543982f6af5e76ffcd6d87a3cba94cb218400a8b15a5e56111bba559c2e6d3c");
        assertThat(signed.authorization())
                .isEqualTo("HMAC-SHA256 Credential=AKLTtestaccesskey/20250101/cn-north-1/rtc/request, "
                        + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
                        + "Signature=b0ecfba4cffbcfd3666ef4897011bbc290befb7ca3ed1b1783a9bc402005b620");
    }

    @Test
    void givenRfc3339TimesWithPlus_whenSigningLikeTheOfficialSdk_thenAuthorizationMatchesItsVector() {
        List<Map.Entry<String, String>> query = List.of(
                Map.entry("Action", "ListRoomInfo"),
                Map.entry("Version", "2020-12-01"),
                Map.entry("AppId", "661e0000543cf"),
                Map.entry("StartTime", "2022-05-22T12:00:00+08:00"),
                Map.entry("EndTime", "2022-05-22T12:59:00+08:00"));

        Map<String, String> headers = VolcengineSigner.of(
                        "AKLTtestaccesskey", Secret.of("testsecretkey"), "cn-north-1", "rtc")
                .sign("GET", "127.0.0.1:18080", query, EMPTY, Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(headers)
                .containsEntry("X-Date", "20250101T000000Z")
                .containsEntry("X-Content-Sha256", EMPTY_SHA256)
                .containsEntry(
                        "Authorization",
                        "HMAC-SHA256 Credential=AKLTtestaccesskey/20250101/cn-north-1/rtc/"
                                + "request, SignedHeaders=host;x-content-sha256;x-date, "
                                + "Signature=abc1a584508f633d450a7ce817b3f523127440d0815952710bb4f0067807178b");
    }

    @Test
    void givenPlusColonAndAt_whenBuildingTheQuery_thenPercentEncodedAndSortedAsInTheReference() {
        List<Map.Entry<String, String>> query = List.of(
                Map.entry("Action", "ListRoomInfo"),
                Map.entry("Version", "2020-12-01"),
                Map.entry("AppId", "Your_AppId"),
                Map.entry("StartTime", "2022-05-22T12:00:00+08:00"),
                Map.entry("EndTime", "2022-05-22T12:59:00+08:00"),
                Map.entry("RoomId", "u@x"));

        assertThat(VolcengineSigner.canonicalQuery(query))
                .isEqualTo("Action=ListRoomInfo&AppId=Your_AppId&EndTime=2022-05-22T12%3A59%3A00%2B08%3A00"
                        + "&RoomId=u%40x&StartTime=2022-05-22T12%3A00%3A00%2B08%3A00&Version=2020-12-01");
    }

    @Test
    void givenReservedAndUnicodeCharacters_whenEncoding_thenRfc3986WithUppercaseHex() {
        assertThat(VolcengineSigner.encode("a b+c*~-_.")).isEqualTo("a%20b%2Bc%2A~-_.");
        assertThat(VolcengineSigner.encode("é/")).isEqualTo("%C3%A9%2F");
    }
}
