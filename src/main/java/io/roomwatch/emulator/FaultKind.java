package io.roomwatch.emulator;

/** The failures the emulator can inject, as a plain HTTP client observes them. */
public enum FaultKind {
    /** The vendor's throttling answer (Volcengine HTTP 429 + {@code FlowLimitExceeded.QPSOverLimit}; Tencent 60007). */
    THROTTLE,
    /** HTTP 500: Volcengine {@code InternalError} JSON, Tencent a bare HTML error page. */
    HTTP_500,
    /** HTTP 502 with an HTML "Bad Gateway" page, as a proxy in front of either vendor answers. */
    HTTP_502,
    /** The connection is closed with a TCP reset; no response at all. */
    RESET,
    /** The normal answer, {@link Fault#delayMillis()} later on the emulator clock. */
    SLOW,
    /** HTTP 200 whose JSON body is cut in half and followed by garbage, with a consistent Content-Length. */
    MALFORMED_JSON,
    /** Content-Length announces the full body, half of it is sent, then the connection closes. */
    TRUNCATED_BODY,
    /**
     * Fails only when page {@link Fault#page()} of a paged API is asked for (Volcengine PageNum, or the n-th page of
     * a Tencent cursor walk): Volcengine HTTP 500 {@code InternalError}; Tencent {@code ErrorCode} 100001.
     */
    FAIL_PAGE_N
}
