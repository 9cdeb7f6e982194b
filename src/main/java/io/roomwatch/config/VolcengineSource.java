package io.roomwatch.config;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A Volcengine RTC app ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}). Each setting is declared on its component
 * ({@link Setting}: key, default, limits, meaning); {@code docs/configuration.md} lists them.
 */
@JsonTypeName("volcengine")
public record VolcengineSource(
        @Setting(doc = "The RTC `AppId`.") String appId,
        @Setting(doc = "The OpenAPI access key id (`AK...`); not secret, it appears in every request.")
                String accessKeyId,
        @Setting(doc = "The OpenAPI secret access key; signs requests, never sent.") Secret secretAccessKey,
        @Setting(
                        value = "cn-north-1",
                        check = Regions.VolcengineName.class,
                        doc = "The signing region: `cn-north-1`, `ap-singapore-1`, `us-east-1`.")
                String region,
        @Setting(
                        value = Setting.OPTIONAL,
                        doc = "Where requests go (emulator, gateway; the signed `Host` follows it). Unset: the region's"
                                + " endpoint, `https://rtc.volcengineapi.com` for `cn-north-1`,"
                                + " `https://open-ap-singapore-1.volcengineapi.com` for `ap-singapore-1`; `us-east-1` has"
                                + " none documented. A path is kept and signed (`http://gateway/volc-gw`).")
                URI baseUrl,
        @Setting(
                        key = "qps.listRoomInfo",
                        value = "60",
                        min = "1",
                        max = "60",
                        documentedLimit = true,
                        doc = "`ListRoomInfo` budget, requests per second.")
                int listRoomInfoQps,
        @Setting(
                        key = "qps.getRoomOnlineUsers",
                        value = "40",
                        min = "1",
                        max = "40",
                        documentedLimit = true,
                        doc = "`GetRoomOnlineUsers` budget, requests per second.")
                int onlineUsersQps,
        @Setting(
                        value = "20s",
                        min = "0s",
                        max = "10m",
                        doc =
                                "How long after creation a room shows up in `ListRoomInfo`; the sweep watermark stays this"
                                        + " far behind what was listed.")
                Duration dataDelay,
        @Setting(
                        value = "8",
                        min = "0",
                        max = "16",
                        doc =
                                "How often a window whose answer says `HasMore` may be halved again (8: a 24 h window down"
                                        + " to about 6 min); beyond it the sweep is partial.")
                int maxSplitDepth,
        @Setting(
                        value = "0s",
                        min = "0s",
                        max = "10m",
                        doc = "How often the vendor refreshes a room's `GetRoomOnlineUsers` answer; `0s`: live data"
                                + " (no refresh period is documented). Above 0 an answer may show the room that long before it was read, and"
                                + " the engine reads each room just after its learnt refresh.")
                Duration memberRefresh,
        HttpSettings http,
        RetrySettings retry)
        implements SourceConfig {

    public VolcengineSource {
        Settings.check(
                VolcengineSource.class,
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                listRoomInfoQps,
                onlineUsersQps,
                dataDelay,
                maxSplitDepth,
                memberRefresh,
                http,
                retry);
        if (baseUrl == null) {
            baseUrl = Regions.volcengineEndpoint(region)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "region: no documented endpoint for " + region + ", set baseUrl"));
        }
    }

    /** An app with every other setting at its default. */
    public static VolcengineSource of(String appId, String accessKeyId, Secret secretAccessKey) {
        return Settings.of(VolcengineSource.class)
                .build(
                        Map.of("appId", appId, "accessKeyId", accessKeyId, "secretAccessKey", secretAccessKey),
                        Map.of());
    }

    @Override
    public AppKey app() {
        return AppKey.of(Provider.VOLCENGINE, appId);
    }

    public VolcengineSource withBaseUrl(URI value) {
        return Settings.with(this, "baseUrl", value);
    }

    public VolcengineSource withOnlineUsersQps(int value) {
        return Settings.with(this, "onlineUsersQps", value);
    }

    public VolcengineSource withDataDelay(Duration value) {
        return Settings.with(this, "dataDelay", value);
    }

    public VolcengineSource withMaxSplitDepth(int value) {
        return Settings.with(this, "maxSplitDepth", value);
    }

    /** This app with member answers refreshed every {@code value} ({@code 0}: live data). */
    public VolcengineSource withMemberRefresh(Duration value) {
        return Settings.with(this, "memberRefresh", value);
    }

    public VolcengineSource withHttp(HttpSettings value) {
        return Settings.with(this, "http", value);
    }

    public VolcengineSource withRetry(RetrySettings value) {
        return Settings.with(this, "retry", value);
    }
}
