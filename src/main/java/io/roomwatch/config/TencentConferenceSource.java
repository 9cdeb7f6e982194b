package io.roomwatch.config;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.util.List;
import java.util.Objects;

/**
 * A Tencent TUIRoomKit (Conference) app ({@code room_engine_http_srv}: {@code get_room_info}, {@code
 * get_room_member_list}). The API has no room list, so the rooms to watch are configured.
 *
 * @param account credentials and endpoint
 * @param roomIds the conference room ids to watch; not empty, no duplicates
 * @param roomInfoQps {@code get_room_info} budget, requests per second; default and maximum 200
 * @param memberListQps {@code get_room_member_list} budget; default and maximum 200
 * @param memberPageSize {@code Count} per {@code get_room_member_list} page; default 50 (the documented default), 1
 *     to 100 (the documented maximum is UNCONFIRMED)
 * @param probeConcurrency how many {@code get_room_info} calls of one sweep may be in flight; default 4, 1 to 64
 * @param maxPages the most member pages one listing may read before it stops as partial; default 1000
 * @param http transport limits
 * @param retry retry policy
 */
public record TencentConferenceSource(
        TencentAccount account,
        List<String> roomIds,
        int roomInfoQps,
        int memberListQps,
        int memberPageSize,
        int probeConcurrency,
        int maxPages,
        HttpSettings http,
        RetrySettings retry)
        implements SourceConfig {

    /** Documented limit of the room_engine APIs. */
    public static final int ROOM_API_QPS = 200;

    public TencentConferenceSource {
        Objects.requireNonNull(account, "account");
        roomIds = List.copyOf(roomIds);
        if (roomIds.isEmpty() || roomIds.stream().distinct().count() != roomIds.size()) {
            throw new IllegalArgumentException("roomIds must be non-empty and without duplicates");
        }
        roomIds.forEach(id -> Checks.requireText(id, "roomIds[]"));
        Checks.requireQps(roomInfoQps, ROOM_API_QPS, "roomInfoQps");
        Checks.requireQps(memberListQps, ROOM_API_QPS, "memberListQps");
        Checks.requireRange(memberPageSize, 1, 100, "memberPageSize");
        Checks.requireRange(probeConcurrency, 1, 64, "probeConcurrency");
        Checks.requireRange(maxPages, 1, 100_000, "maxPages");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retry, "retry");
    }

    /** These rooms of this account, with every other setting at its default. */
    public static TencentConferenceSource of(TencentAccount account, List<String> roomIds) {
        return new TencentConferenceSource(
                account,
                roomIds,
                ROOM_API_QPS,
                ROOM_API_QPS,
                50,
                4,
                1000,
                HttpSettings.defaults(),
                RetrySettings.defaults());
    }

    @Override
    public AppKey app() {
        return AppKey.of(Provider.TENCENT_CONFERENCE, Long.toString(account.sdkAppId()));
    }

    public TencentConferenceSource withMemberListQps(int value) {
        return new TencentConferenceSource(
                account, roomIds, roomInfoQps, value, memberPageSize, probeConcurrency, maxPages, http, retry);
    }

    public TencentConferenceSource withMemberPageSize(int value) {
        return new TencentConferenceSource(
                account, roomIds, roomInfoQps, memberListQps, value, probeConcurrency, maxPages, http, retry);
    }

    public TencentConferenceSource withHttp(HttpSettings value) {
        return new TencentConferenceSource(
                account, roomIds, roomInfoQps, memberListQps, memberPageSize, probeConcurrency, maxPages, value, retry);
    }

    public TencentConferenceSource withRetry(RetrySettings value) {
        return new TencentConferenceSource(
                account, roomIds, roomInfoQps, memberListQps, memberPageSize, probeConcurrency, maxPages, http, value);
    }
}
