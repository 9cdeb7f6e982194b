package io.roomwatch.provider.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.HttpReply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented Tencent code and the outcome it must have. */
class TencentResponsesTest {

    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000001");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "60007, throttled",
        "60011, throttled",
        "60018, throttled",
        "60019, throttled",
        "70050, throttled",
        "100422, throttled",
        "100001, unavailable",
        "60008, unavailable",
        "60013, unavailable",
        "70001, rejected",
        "70003, rejected",
        "70009, rejected",
        "70013, rejected",
        "70014, rejected",
        "70016, rejected",
        "70020, rejected",
        "60004, rejected",
        "60006, rejected",
        "60010, rejected",
        "60021, rejected",
        "100002, rejected",
        "100006, rejected",
        "99999, rejected"
    })
    void givenErrorCode_whenClassifying_thenOneOutcome(int code, String outcome) {
        String body = "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":" + code + ",\"ErrorInfo\":\"x\"}";

        assertThatThrownBy(() -> TencentResponses.classify(APP, "get_room_list", reply(200, body)))
                .isInstanceOf(type(outcome))
                .satisfies(e -> assertThat(((VendorFailure) e).vendorCode()).isEqualTo(Integer.toString(code)))
                .hasMessageContaining("tencent-live/1400000001");
    }

    @Test
    void givenRoomNotFound_whenClassifying_thenATypedResultNotAnError() {
        TencentReply reply = TencentResponses.classify(
                APP,
                "get_room_list",
                reply(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":100004,\"ErrorInfo\":\"no room\"}"));
        assertThat(reply.roomMissing()).isTrue();
    }

    @Test
    void givenHintedRejections_whenClassifying_thenHintsNameTheFix() {
        assertThat(hint(70001)).contains("clock");
        assertThat(hint(60010)).contains("Administrator");
        assertThat(hint(60006)).contains("sdkAppId");
    }

    @Test
    void givenStatusesAndBodies_whenClassifying_thenTransportLevelOutcomes() {
        assertThatThrownBy(() -> TencentResponses.classify(APP, "get_room_list", reply(502, "")))
                .isInstanceOf(VendorUnavailable.class);
        assertThatThrownBy(() -> TencentResponses.classify(APP, "get_room_list", reply(429, "")))
                .isInstanceOf(VendorThrottled.class);
        assertThatThrownBy(() -> TencentResponses.classify(APP, "get_room_list", reply(404, "")))
                .isInstanceOf(VendorRejected.class);
        assertThatThrownBy(
                        () -> TencentResponses.classify(APP, "get_room_list", reply(200, "{\"ActionStatus\":\"OK\",")))
                .isInstanceOf(VendorUnavailable.class);
        TencentReply ok = TencentResponses.classify(
                APP,
                "get_room_list",
                reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"Response\":{\"Next\":\"abc\"}}"));
        assertThat(ok.next()).isEqualTo("abc");
    }

    // Regression for issue 14: an HTTP 200 without a status was read as a complete empty list
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"ErrorInfo\":\"upstream timeout\",\"RequestId\":\"Id-gw-1\"}",
                "{}",
                "{\"Response\":{\"Next\":\"\",\"MemberList\":[]}}",
                "{\"ActionStatus\":\"FAIL\",\"ErrorInfo\":\"no code\"}",
                "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":0}",
                "{\"ActionStatus\":\"MAYBE\",\"Response\":{}}",
                "{\"ActionStatus\":true,\"Response\":{}}",
                "{\"ErrorCode\":\"zero\",\"ActionStatus\":\"OK\",\"Response\":{}}",
                "{\"ActionStatus\":\"OK\",\"Response\":[]}",
                "{\"ActionStatus\":\"OK\",\"Response\":\"done\"}"
            })
    void givenAnHttp200WithoutEvidenceOfSuccess_whenClassifying_thenMalformedNamingAppAndApi(String body) {
        assertThatThrownBy(() -> TencentResponses.classify(APP, "get_member_list", reply(200, body)))
                .isInstanceOfSatisfying(VendorUnavailable.class, e -> assertThat(e.isMalformedAnswer())
                        .isTrue())
                .hasMessageContaining("tencent-live/1400000001")
                .hasMessageContaining("get_member_list");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"Response\":{\"Next\":\"\"}}",
                "{\"ActionStatus\":\"OK\",\"Response\":{\"Next\":\"\"}}",
                "{\"ErrorCode\":0,\"Response\":{\"Next\":\"\"}}",
                "{\"ErrorCode\":\"0\",\"ActionStatus\":\"ok\",\"Response\":{\"Next\":\"\"}}",
                "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"Next\":\"\"}"
            })
    void givenPositiveEvidenceOfSuccess_whenClassifying_thenTheResponse(String body) {
        TencentReply ok = TencentResponses.classify(APP, "get_room_list", reply(200, body));

        assertThat(ok.roomMissing()).isFalse();
        assertThat(ok.next()).isEmpty();
    }

    @Test
    void givenACodeWithTheWrongStatus_whenClassifying_thenTheCodeWins() {
        assertThatThrownBy(() -> TencentResponses.classify(
                        APP, "get_room_list", reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":60007}")))
                .isInstanceOf(VendorThrottled.class);
        assertThat(TencentResponses.classify(APP, "get_room_list", reply(200, "{\"ErrorCode\":\"100004\"}"))
                        .roomMissing())
                .isTrue();
    }

    @Test
    void givenASuccessWithoutItsList_whenRequired_thenMalformed() {
        TencentReply ok = TencentResponses.classify(
                APP, "get_member_list", reply(200, "{\"ActionStatus\":\"OK\",\"Response\":{\"Next\":\"\"}}"));

        assertThatThrownBy(() -> TencentResponses.requireField(APP, "get_member_list", ok, "MemberList"))
                .isInstanceOf(VendorUnavailable.class)
                .hasMessageContaining("MemberList");
    }

    @Test
    void givenAGatewayPageEchoingTheUserSig_whenRejected_thenTheMessageMasksIt() {
        String page = "<html>404 /v4/x?sdkappid=1&usersig=eJyrVgrxCdYrSy1SslIy0jNQ0gHz&random=7</html>";

        assertThatThrownBy(() -> TencentResponses.classify(APP, "get_room_list", reply(404, page)))
                .isInstanceOf(VendorRejected.class)
                .hasMessageContaining("usersig=***")
                .hasMessageNotContaining("eJyrVgrx");
    }

    private static String hint(int code) {
        return ((VendorRejected) TencentResponses.byCode(APP, "get_room_list", code, "")).hint();
    }

    private static Class<? extends VendorFailure> type(String outcome) {
        switch (outcome) {
            case "throttled":
                return VendorThrottled.class;
            case "unavailable":
                return VendorUnavailable.class;
            default:
                return VendorRejected.class;
        }
    }

    private static HttpReply reply(int status, String body) {
        return new HttpReply(status, body.getBytes(StandardCharsets.UTF_8));
    }
}
