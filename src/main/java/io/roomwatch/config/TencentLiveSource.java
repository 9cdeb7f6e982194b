package io.roomwatch.config;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.util.Objects;

/**
 * A Tencent TUILiveKit app ({@code live_engine_http_srv}: {@code get_room_list}, {@code get_room_info}, {@code
 * get_member_list}).
 *
 * @param account credentials and endpoint
 * @param roomListQps {@code get_room_list} budget, requests per second; default and maximum 10
 * @param roomInfoQps {@code get_room_info} budget; default and maximum 200
 * @param memberListQps {@code get_member_list} budget; default and maximum 200
 * @param maxPages the most pages one listing may read before it stops as partial (guards against a cursor that never
 *     ends); default 1000, 1 to 100 000
 * @param http transport limits
 * @param retry retry policy
 */
public record TencentLiveSource(
        TencentAccount account,
        int roomListQps,
        int roomInfoQps,
        int memberListQps,
        int maxPages,
        HttpSettings http,
        RetrySettings retry)
        implements SourceConfig {

    /** Documented {@code get_room_list} limit. */
    public static final int ROOM_LIST_QPS = 10;
    /** Documented {@code get_room_info} and {@code get_member_list} limit. */
    public static final int ROOM_API_QPS = 200;

    public TencentLiveSource {
        Objects.requireNonNull(account, "account");
        Checks.requireQps(roomListQps, ROOM_LIST_QPS, "roomListQps");
        Checks.requireQps(roomInfoQps, ROOM_API_QPS, "roomInfoQps");
        Checks.requireQps(memberListQps, ROOM_API_QPS, "memberListQps");
        Checks.requireRange(maxPages, 1, 100_000, "maxPages");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retry, "retry");
    }

    /** An app with every other setting at its default. */
    public static TencentLiveSource of(TencentAccount account) {
        return new TencentLiveSource(
                account,
                ROOM_LIST_QPS,
                ROOM_API_QPS,
                ROOM_API_QPS,
                1000,
                HttpSettings.defaults(),
                RetrySettings.defaults());
    }

    @Override
    public AppKey app() {
        return AppKey.of(Provider.TENCENT_LIVE, Long.toString(account.sdkAppId()));
    }

    public TencentLiveSource withRoomListQps(int value) {
        return new TencentLiveSource(account, value, roomInfoQps, memberListQps, maxPages, http, retry);
    }

    public TencentLiveSource withMemberListQps(int value) {
        return new TencentLiveSource(account, roomListQps, roomInfoQps, value, maxPages, http, retry);
    }

    public TencentLiveSource withHttp(HttpSettings value) {
        return new TencentLiveSource(account, roomListQps, roomInfoQps, memberListQps, maxPages, value, retry);
    }

    public TencentLiveSource withRetry(RetrySettings value) {
        return new TencentLiveSource(account, roomListQps, roomInfoQps, memberListQps, maxPages, http, value);
    }
}
