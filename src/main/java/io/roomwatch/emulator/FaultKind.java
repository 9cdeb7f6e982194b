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
    FAIL_PAGE_N,
    /** The normal answer gzip-compressed, with {@code Content-Encoding: gzip}, whatever the request accepts. */
    GZIP_BODY,
    /** The normal answer zlib-compressed, with {@code Content-Encoding: deflate}. */
    DEFLATE_BODY,
    /** The normal answer, uncompressed but labelled {@code Content-Encoding: br} (an encoding clients may not read). */
    UNKNOWN_ENCODING,
    /**
     * HTTP 200 without any status: Tencent {@code {"ErrorInfo":"upstream timeout","RequestId":...}} (no {@code
     * ActionStatus}, no {@code ErrorCode}); Volcengine a {@code ResponseMetadata} without {@code Error} and no {@code
     * Result}. What a gateway in front of the vendor answers when its upstream times out.
     */
    NO_STATUS,
    /**
     * From page {@link Fault#page()} (default 2) of a paged API on, the walk does not move: Tencent answers the
     * {@code Next} it was asked with and an empty list, Volcengine {@code ListRoomInfo} an empty {@code RoomList} with
     * the true {@code Total}.
     */
    STUCK_CURSOR,
    /**
     * The normal answer with bad items added to its list: Volcengine {@code RoomList} gets an item with an empty
     * {@code CallId} and a null, {@code VisibleUserList} an empty user id and a null; Tencent {@code RoomList} an item
     * with an empty {@code RoomId} and a null, {@code MemberList} an item without {@code Member_Account}, one with an
     * empty one and a null; {@code get_room_info} a {@code RoomInfo} with an empty {@code RoomId}.
     */
    BAD_ITEM,
    /**
     * The normal answer with times spelt another way: Volcengine RFC 3339 offsets without a colon ({@code +0800});
     * Tencent {@code CreateTime} as a numeric string ({@code "1700000000"}).
     */
    ODD_TIMES
}
