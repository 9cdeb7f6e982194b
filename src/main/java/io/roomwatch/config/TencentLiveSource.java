package io.roomwatch.config;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.time.Duration;
import java.util.Map;

/**
 * A Tencent TUILiveKit app ({@code live_engine_http_srv}: {@code get_room_list}, {@code get_room_info}, {@code
 * get_member_list}). Each setting is declared on its component ({@link Setting}); {@code docs/configuration.md} lists
 * them.
 */
@JsonTypeName("tencent-live")
public record TencentLiveSource(
        @Setting(inline = true) TencentAccount account,
        @Setting(
                        key = "qps.getRoomList",
                        value = "10",
                        min = "1",
                        max = "10",
                        documentedLimit = true,
                        doc = "`get_room_list` budget, requests per second.")
                int roomListQps,
        @Setting(
                        key = "qps.getRoomInfo",
                        value = "200",
                        min = "1",
                        max = "200",
                        documentedLimit = true,
                        doc = "`get_room_info` budget (rooms missing from a complete list are confirmed gone with it).")
                int roomInfoQps,
        @Setting(
                        key = "qps.getMemberList",
                        value = "200",
                        min = "1",
                        max = "200",
                        documentedLimit = true,
                        doc = "`get_member_list` budget.")
                int memberListQps,
        @Setting(
                        value = "1000",
                        min = "1",
                        max = "100000",
                        doc = "The most pages one listing may read before it stops as partial (a cursor that never"
                                + " ends).")
                int maxPages,
        @Setting(
                        value = "40s",
                        min = "0s",
                        max = "10m",
                        doc = "How often the vendor refreshes a room's `get_member_list` snapshot (40 s documented); an"
                                + " answer may show the room that long before it was read, so it is attributed to an"
                                + " incarnation only if that incarnation existed that long before, and the engine"
                                + " reads each room just after its learnt refresh. `0s`: live data.")
                Duration memberRefresh,
        HttpSettings http,
        RetrySettings retry)
        implements SourceConfig {

    /** Documented {@code get_room_info} and {@code get_member_list} limit. */
    public static final int ROOM_API_QPS = 200;

    public TencentLiveSource {
        Settings.check(
                TencentLiveSource.class,
                account,
                roomListQps,
                roomInfoQps,
                memberListQps,
                maxPages,
                memberRefresh,
                http,
                retry);
    }

    /** This app with member snapshots refreshed every {@code value} ({@code 0}: live data). */
    public TencentLiveSource withMemberRefresh(Duration value) {
        return Settings.with(this, "memberRefresh", value);
    }

    /** An app with every other setting at its default. */
    public static TencentLiveSource of(TencentAccount account) {
        return Settings.of(TencentLiveSource.class).build(Map.of("account", account), Map.of());
    }

    @Override
    public AppKey app() {
        return AppKey.of(Provider.TENCENT_LIVE, Long.toString(account.sdkAppId()));
    }

    public TencentLiveSource withMemberListQps(int value) {
        return Settings.with(this, "memberListQps", value);
    }

    public TencentLiveSource withHttp(HttpSettings value) {
        return Settings.with(this, "http", value);
    }

    public TencentLiveSource withRetry(RetrySettings value) {
        return Settings.with(this, "retry", value);
    }
}
