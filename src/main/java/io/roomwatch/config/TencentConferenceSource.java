package io.roomwatch.config;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Tencent TUIRoomKit (Conference) app ({@code room_engine_http_srv}: {@code get_room_info}, {@code
 * get_room_member_list}). The API has no room list, so the rooms to watch are configured. Each setting is declared on
 * its component ({@link Setting}); {@code docs/configuration.md} lists them.
 */
@JsonTypeName("tencent-conference")
public record TencentConferenceSource(
        @Setting(inline = true) TencentAccount account,
        @Setting(
                        key = "rooms",
                        missing = "TUIRoomKit has no room list, name the rooms to watch",
                        doc = "The room ids to watch (TUIRoomKit has no room list); not empty, distinct.")
                List<String> roomIds,
        @Setting(
                        key = "qps.getRoomInfo",
                        value = "200",
                        min = "1",
                        max = "200",
                        documentedLimit = true,
                        doc = "`get_room_info` budget, requests per second.")
                int roomInfoQps,
        @Setting(
                        key = "qps.getRoomMemberList",
                        value = "200",
                        min = "1",
                        max = "200",
                        documentedLimit = true,
                        doc = "`get_room_member_list` budget.")
                int memberListQps,
        @Setting(
                        value = "50",
                        min = "1",
                        max = "100",
                        doc =
                                "`Count` per `get_room_member_list` page (50 is the documented default; the maximum of 100"
                                        + " is unconfirmed).")
                int memberPageSize,
        @Setting(value = "4", min = "1", max = "64", doc = "`get_room_info` calls of one sweep in flight at once.")
                int probeConcurrency,
        @Setting(
                        value = "1000",
                        min = "1",
                        max = "100000",
                        doc = "The most member pages one listing may read before it stops as partial.")
                int maxPages,
        @Setting(
                        value = "0s",
                        min = "0s",
                        max = "10m",
                        doc = "How often the vendor refreshes a room's `get_room_member_list` answer; `0s`: live data"
                                + " (no refresh period is documented). Above 0 an answer may show the room that long"
                                + " before it was read, and the engine reads each room just after its learnt refresh.")
                Duration memberRefresh,
        HttpSettings http,
        RetrySettings retry)
        implements SourceConfig {

    public TencentConferenceSource {
        Settings.check(
                TencentConferenceSource.class,
                account,
                roomIds,
                roomInfoQps,
                memberListQps,
                memberPageSize,
                probeConcurrency,
                maxPages,
                memberRefresh,
                http,
                retry);
        roomIds = List.copyOf(roomIds);
        if (roomIds.isEmpty() || roomIds.stream().distinct().count() != roomIds.size()) {
            throw new IllegalArgumentException("roomIds must be non-empty and without duplicates");
        }
        if (roomIds.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("roomIds[] must not be empty");
        }
    }

    /** These rooms of this account, with every other setting at its default. */
    public static TencentConferenceSource of(TencentAccount account, List<String> roomIds) {
        return Settings.of(TencentConferenceSource.class)
                .build(Map.of("account", account, "roomIds", roomIds), Map.of());
    }

    @Override
    public AppKey app() {
        return AppKey.of(Provider.TENCENT_CONFERENCE, Long.toString(account.sdkAppId()));
    }

    public TencentConferenceSource withMemberListQps(int value) {
        return Settings.with(this, "memberListQps", value);
    }

    public TencentConferenceSource withMemberPageSize(int value) {
        return Settings.with(this, "memberPageSize", value);
    }

    /** This app with member lists refreshed every {@code value} ({@code 0}: live data). */
    public TencentConferenceSource withMemberRefresh(Duration value) {
        return Settings.with(this, "memberRefresh", value);
    }

    public TencentConferenceSource withHttp(HttpSettings value) {
        return Settings.with(this, "http", value);
    }

    public TencentConferenceSource withRetry(RetrySettings value) {
        return Settings.with(this, "retry", value);
    }
}
