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

        assertThatThrownBy(() -> TencentResponses.classify(APP, reply(200, body)))
                .isInstanceOf(type(outcome))
                .satisfies(e -> assertThat(((VendorFailure) e).vendorCode()).isEqualTo(Integer.toString(code)))
                .hasMessageContaining("tencent-live/1400000001");
    }

    @Test
    void givenRoomNotFound_whenClassifying_thenATypedResultNotAnError() {
        TencentReply reply = TencentResponses.classify(
                APP, reply(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":100004,\"ErrorInfo\":\"no room\"}"));
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
        assertThatThrownBy(() -> TencentResponses.classify(APP, reply(502, ""))).isInstanceOf(VendorUnavailable.class);
        assertThatThrownBy(() -> TencentResponses.classify(APP, reply(429, ""))).isInstanceOf(VendorThrottled.class);
        assertThatThrownBy(() -> TencentResponses.classify(APP, reply(404, ""))).isInstanceOf(VendorRejected.class);
        assertThatThrownBy(() -> TencentResponses.classify(APP, reply(200, "{\"ActionStatus\":\"OK\",")))
                .isInstanceOf(VendorUnavailable.class);
        TencentReply ok = TencentResponses.classify(
                APP, reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"Response\":{\"Next\":\"abc\"}}"));
        assertThat(ok.next()).isEqualTo("abc");
    }

    private static String hint(int code) {
        return ((VendorRejected) TencentResponses.byCode(APP, code, "")).hint();
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
