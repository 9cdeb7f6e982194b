package io.roomwatch.emulator;

import org.jspecify.annotations.Nullable;

/**
 * What a throttled call is answered with. The Volcengine HTTP status and a gateway {@code CodeN} are UNCONFIRMED
 * (https://www.volcengine.com/docs/6348/70426 names the code, not the status), hence configurable; Tencent's exact code
 * among 60007/60011/60018/60019 is UNCONFIRMED too (https://www.tencentcloud.com/document/product/1047/34348).
 *
 * @param volcengineStatus HTTP status, default 429
 * @param volcengineCode {@code ResponseMetadata.Error.Code}, default {@code FlowLimitExceeded.QPSOverLimit}
 * @param volcengineMessage {@code Error.Message}, default {@code Qps exceeded the limit}
 * @param volcengineCodeN {@code Error.CodeN}, default absent (business codes may lack it; 100018 is the gateway guess)
 * @param tencentErrorCode {@code ErrorCode} with HTTP 200, default 60007
 */
public record ThrottleReply(
        int volcengineStatus,
        String volcengineCode,
        String volcengineMessage,
        @Nullable Integer volcengineCodeN,
        int tencentErrorCode) {

    public ThrottleReply {
        if (volcengineStatus < 200 || volcengineStatus > 599) {
            throw new IllegalArgumentException("volcengineStatus must be an HTTP status, was " + volcengineStatus);
        }
        ArgumentChecks.notBlank(volcengineCode, "volcengineCode");
    }

    /** HTTP 429 + {@code FlowLimitExceeded.QPSOverLimit}; Tencent 60007. */
    public static ThrottleReply defaults() {
        return new ThrottleReply(429, "FlowLimitExceeded.QPSOverLimit", "Qps exceeded the limit", null, 60007);
    }

    /** A copy with another Volcengine HTTP status and code. */
    public ThrottleReply withVolcengine(int status, String code, @Nullable Integer codeN) {
        return new ThrottleReply(status, code, volcengineMessage, codeN, tencentErrorCode);
    }

    /** A copy with another Tencent error code (e.g. 60011, 60018). */
    public ThrottleReply withTencentErrorCode(int errorCode) {
        return new ThrottleReply(volcengineStatus, volcengineCode, volcengineMessage, volcengineCodeN, errorCode);
    }
}
