package io.roomwatch.provider.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.VendorThrottled;
import io.roomwatch.provider.VendorUnavailable;
import io.roomwatch.provider.http.HttpReply;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented Volcengine code and status, and the outcome it must have. */
class VolcengineResponsesTest {

    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");

    @ParameterizedTest(name = "HTTP {0} {1}/{2} -> {3}")
    @CsvSource({
        "429, FlowLimitExceeded.QPSOverLimit, 0, throttled",
        "200, FlowLimitExceeded.QPSOverLimit, 0, throttled",
        "429, FlowLimitExceeded, 100018, throttled",
        "429, '', 0, throttled",
        "500, UndefinedError, 100001, unavailable",
        "500, InternalError, 100014, unavailable",
        "200, FailToConnect, 100015, unavailable",
        "200, InternalServiceTimeout, 100016, unavailable",
        "503, SomethingNew, 0, unavailable",
        "400, InvalidTimestamp, 100006, rejected",
        "403, InvalidTimestamp, 100006, rejected",
        "401, InvalidAccessKey, 100009, rejected",
        "401, SignatureDoesNotMatch, 100010, rejected",
        "401, MissingAuthenticationToken, 100003, rejected",
        "403, AccessDenied, 100013, rejected",
        "403, LackPolicy, 100012, rejected",
        "404, InvalidActionOrVersion, 100008, rejected",
        "200, InvalidParameter.NotExistAppId, 0, rejected",
        "200, InvalidParameter.AccountIdMismatch, 0, rejected",
        "200, InvalidParameter.OutofTimeRange, 0, rejected",
    })
    void givenVendorError_whenClassifying_thenOneOutcome(int status, String code, int codeN, String outcome) {
        VendorFailure failure = VolcengineResponses.byCode(APP, "ListRoomInfo", status, code, codeN, "msg");

        assertThat(failure).isInstanceOf(type(outcome));
        assertThat(failure.app()).isEqualTo(APP);
        assertThat(failure.getMessage()).contains(APP.toString());
    }

    @Test
    void givenClockSkew_whenRejected_thenTheHintSaysSoAndNamesAppAndCode() {
        VendorFailure failure =
                VolcengineResponses.byCode(APP, "ListRoomInfo", 400, "InvalidTimestamp", 100006, "expired");

        assertThat(failure).isInstanceOfSatisfying(VendorRejected.class, r -> assertThat(r.hint())
                .contains("clock"));
        assertThat(failure.getMessage()).contains("volcengine/app-1", "[InvalidTimestamp]", "clock");
    }

    @Test
    void givenBodies_whenClassifying_thenMalformedIsTransientAndGatewayPagesFollowTheStatus() {
        assertThrows(VendorUnavailable.class, () -> result(200, "{\"ResponseMetadata\":{},\"Resul"));
        assertThrows(VendorUnavailable.class, () -> result(200, "[]"));
        assertThrows(VendorUnavailable.class, () -> result(200, "{\"ResponseMetadata\":{}}"));
        assertThrows(VendorUnavailable.class, () -> result(502, "<html>bad gateway</html>"));
        assertThrows(VendorThrottled.class, () -> result(429, "<html>too many</html>"));
        assertThrows(VendorRejected.class, () -> result(404, "{\"ResponseMetadata\":{}}"));
        assertThat(VolcengineResponses.result(
                                APP, "ListRoomInfo", reply(200, "{\"ResponseMetadata\":{},\"Result\":{\"Total\":0}}"))
                        .path("Total")
                        .asInt(-1))
                .isZero();
    }

    // Regression for issue 14: success needs a Result and no ResponseMetadata.Error
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"ResponseMetadata\":{\"RequestId\":\"r\"}}",
                "{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":null}",
                "{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":[]}",
                "{\"ResponseMetadata\":{\"Error\":{\"Message\":\"upstream timeout\"}},\"Result\":{}}",
                "{\"ErrorInfo\":\"upstream timeout\"}"
            })
    void givenAnHttp200WithoutEvidenceOfSuccess_whenClassifying_thenMalformedNamingAppAndApi(String body) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> result(200, body))
                .isInstanceOfSatisfying(VendorUnavailable.class, e -> assertThat(e.isMalformedAnswer())
                        .isTrue())
                .hasMessageContaining("volcengine/app-1")
                .hasMessageContaining("ListRoomInfo");
    }

    @Test
    void givenAnErrorInAnyShape_whenClassifying_thenItIsNeverASuccess() {
        assertThrows(
                VendorThrottled.class,
                () -> result(
                        200,
                        "{\"ResponseMetadata\":{\"Error\":{\"Code\":\"FlowLimitExceeded.QPSOverLimit\"}},"
                                + "\"Result\":{\"Total\":0}}"));
        assertThrows(
                VendorUnavailable.class,
                () -> result(200, "{\"ResponseMetadata\":{\"Error\":{\"CodeN\":\"100014\"}},\"Result\":{}}"));
        assertThrows(
                VendorRejected.class,
                () -> result(200, "{\"ResponseMetadata\":{\"Error\":\"AccessDenied\"},\"Result\":{}}"));
        assertThrows(
                VendorUnavailable.class,
                () -> result(503, "{\"ResponseMetadata\":{\"Error\":{\"Message\":\"busy\"}}}"));
        // an all-empty error object is no error (a serializer writing its zero value)
        assertThat(VolcengineResponses.result(
                                APP,
                                "ListRoomInfo",
                                reply(
                                        200,
                                        "{\"ResponseMetadata\":{\"Error\":{\"Code\":\"\",\"CodeN\":0,"
                                                + "\"Message\":\"\"}},\"Result\":{\"Total\":0}}"))
                        .has("Total"))
                .isTrue();
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

    private static void result(int status, String body) {
        VolcengineResponses.result(APP, "ListRoomInfo", reply(status, body));
    }

    private static HttpReply reply(int status, String body) {
        return new HttpReply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertThrows(Class<? extends VendorFailure> type, ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(type);
    }
}
