package io.roomwatch.emulator.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.emulator.TestSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator's signature primitives against external truth: the hash BytePlus published for its worked example
 * (V1) and the vectors of shared/reference/vectors.py (V2, V3). Expected values are copied from those sources.
 */
class VolcengineSignatureVectorsTest {

    private static final String EMPTY = TestSigner.EMPTY_SHA256;

    @Test
    void v1_canonicalRequest_reproducesThePublishedHash() {
        String query = VolcengineSigning.canonicalQuery(Map.of(
                "Action",
                List.of("ListUsers"),
                "Version",
                List.of("2018-01-01"),
                "Limit",
                List.of("10"),
                "Offset",
                List.of("0")));
        String canonical = VolcengineSigning.canonicalRequest(
                "GET",
                "/",
                query,
                List.of("content-type", "host", "x-content-sha256", "x-date"),
                Map.of(
                        "content-type",
                        "application/x-www-form-urlencoded; charset=utf-8",
                        "host",
                        "iam.byteplusapi.com",
                        "x-content-sha256",
                        EMPTY,
                        "x-date",
                        "20201230T081805Z"),
                VolcengineSigning.sha256Hex(new byte[0]));

        assertThat(sha256(canonical)).isEqualTo("4809ff4a3260bb6714f750191275cfcf0c16466951fcfd99187e69644b6ae020");
    }

    @Test
    void v2_demoInputs_giveTheComputedKeysAndSignaturesForBothRegions() {
        String query = VolcengineSigning.canonicalQuery(Map.of(
                "Action",
                List.of("ListUsers"),
                "Version",
                List.of("2018-01-01"),
                "Limit",
                List.of("10"),
                "Offset",
                List.of("0")));
        String canonical = VolcengineSigning.canonicalRequest(
                "GET",
                "/",
                query,
                List.of("host", "x-date"),
                Map.of("host", "iam.volcengineapi.com", "x-date", "20240619T071306Z"),
                EMPTY);
        String sk = "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==";

        assertThat(sha256(canonical)).isEqualTo("5ed5bca3905e1fcbf789abb56a17c2d819674a3bcfa468ae476bd1ea80d135cb");
        byte[] northKey = VolcengineSigning.signingKey(sk, "20240619", "cn-north-1", "iam");
        assertThat(VolcengineSigning.hex(northKey))
                .isEqualTo("cfdfd2f131084200e9ebedac9de7f165ceff8f436d979e9c1527e1e209baa798");
        assertThat(sign(northKey, "20240619T071306Z", "20240619/cn-north-1/iam/request", canonical))
                .isEqualTo("e767552e763d42fb963737a8ea9e0391d38a917b8a282417c6e98b2990280cef");
        byte[] beijingKey = VolcengineSigning.signingKey(sk, "20240619", "cn-beijing", "iam");
        assertThat(sign(beijingKey, "20240619T071306Z", "20240619/cn-beijing/iam/request", canonical))
                .isEqualTo("e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93");
    }

    @Test
    void v3_rtcVector_givesTheComputedHashKeyAndSignature() {
        String canonical = VolcengineSigning.canonicalRequest(
                "GET",
                "/",
                VolcengineSigning.canonicalQuery(Map.of(
                        "Action",
                        List.of("GetRoomOnlineUsers"),
                        "Version",
                        List.of("2023-11-01"),
                        "AppId",
                        List.of("661e0000543cf"),
                        "RoomId",
                        List.of("Room1"))),
                List.of("content-type", "host", "x-content-sha256", "x-date"),
                Map.of(
                        "content-type",
                        "application/x-www-form-urlencoded; charset=utf-8",
                        "host",
                        "rtc.volcengineapi.com",
                        "x-content-sha256",
                        EMPTY,
                        "x-date",
                        "20250101T000000Z"),
                EMPTY);
        byte[] key = VolcengineSigning.signingKey("testsecretkey", "20250101", "cn-north-1", "rtc");

        assertThat(sha256(canonical)).isEqualTo("d0370c60c1d580fb25841dffa3d604b538219c22721487090603b476877f75ba");
        assertThat(VolcengineSigning.hex(key))
                .isEqualTo("f543982f6af5e76ffcd6d87a3cba94cb218400a8b15a5e56111bba559c2e6d3c");
        assertThat(sign(key, "20250101T000000Z", "20250101/cn-north-1/rtc/request", canonical))
                .isEqualTo("b0ecfba4cffbcfd3666ef4897011bbc290befb7ca3ed1b1783a9bc402005b620");
    }

    @Test
    void testSigner_reproducesV3sAuthorizationHeader() {
        Map<String, String> headers = TestSigner.sign(
                TestSigner.params(
                        "Action",
                        "GetRoomOnlineUsers",
                        "Version",
                        "2023-11-01",
                        "AppId",
                        "661e0000543cf",
                        "RoomId",
                        "Room1"),
                "rtc.volcengineapi.com",
                "20250101T000000Z",
                "AKLTtestaccesskey",
                "testsecretkey");

        assertThat(headers.get("authorization"))
                .isEqualTo("HMAC-SHA256 Credential=AKLTtestaccesskey/20250101/"
                        + "cn-north-1/rtc/request, SignedHeaders=content-type;host;x-content-sha256;x-date, "
                        + "Signature=b0ecfba4cffbcfd3666ef4897011bbc290befb7ca3ed1b1783a9bc402005b620");
    }

    @Test
    void canonicalQuery_encodesRfc3339TimesAndAtSignsAsTheReferenceExample() {
        String query = VolcengineSigning.canonicalQuery(Map.of(
                "Action",
                List.of("ListRoomInfo"),
                "AppId",
                List.of("Your_AppId"),
                "EndTime",
                List.of("2022-05-22T12:59:00+08:00"),
                "RoomId",
                List.of("u@x"),
                "StartTime",
                List.of("2022-05-22T12:00:00+08:00"),
                "Version",
                List.of("2020-12-01")));

        assertThat(query)
                .isEqualTo("Action=ListRoomInfo&AppId=Your_AppId&EndTime=2022-05-22T12%3A59%3A00%2B08%3A00"
                        + "&RoomId=u%40x&StartTime=2022-05-22T12%3A00%3A00%2B08%3A00&Version=2020-12-01");
        assertThat(VolcengineSigning.rfc3986("a b~*")).isEqualTo("a%20b~%2A");
    }

    private static String sign(byte[] key, String xDate, String scope, String canonical) {
        return VolcengineSigning.signature(key, VolcengineSigning.stringToSign(xDate, scope, canonical));
    }

    private static String sha256(String text) {
        return VolcengineSigning.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
