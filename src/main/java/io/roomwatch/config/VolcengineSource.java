package io.roomwatch.config;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A Volcengine RTC app ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}).
 *
 * @param appId the RTC {@code AppId}
 * @param accessKeyId the OpenAPI access key id ({@code AK...}); not secret, it appears in every request
 * @param secretAccessKey the OpenAPI secret access key; signs requests, never sent
 * @param region the signing region; default {@code cn-north-1}
 * @param baseUrl where requests go; default {@code https://rtc.volcengineapi.com}; override for the emulator or a
 *     private gateway (the signed {@code Host} follows it)
 * @param listRoomInfoQps {@code ListRoomInfo} budget, requests per second; default and maximum 60
 * @param onlineUsersQps {@code GetRoomOnlineUsers} budget, requests per second; default and maximum 40
 * @param dataDelay how long after creation a room shows up in {@code ListRoomInfo}; the sweep watermark stays this far
 *     behind what was listed; default 20 s, 0 to 10 min
 * @param maxSplitDepth how often a window whose answer says {@code HasMore} may be halved again; default 8 (a 24 h
 *     window down to about 6 min), 0 to 16; beyond it the sweep is partial
 * @param http transport limits
 * @param retry retry policy
 */
public record VolcengineSource(
        String appId,
        String accessKeyId,
        Secret secretAccessKey,
        String region,
        URI baseUrl,
        int listRoomInfoQps,
        int onlineUsersQps,
        Duration dataDelay,
        int maxSplitDepth,
        HttpSettings http,
        RetrySettings retry)
        implements SourceConfig {

    /** Documented {@code ListRoomInfo} limit. */
    public static final int LIST_ROOM_INFO_QPS = 60;
    /** Documented {@code GetRoomOnlineUsers} limit (without {@code Property}). */
    public static final int ONLINE_USERS_QPS = 40;
    /** The public endpoint (China). */
    public static final URI DEFAULT_BASE_URL = URI.create("https://rtc.volcengineapi.com");

    public VolcengineSource {
        Checks.requireText(appId, "appId");
        Checks.requireText(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Checks.requireText(region, "region");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Checks.requireHttpUrl(baseUrl, "baseUrl");
        Checks.requireQps(listRoomInfoQps, LIST_ROOM_INFO_QPS, "listRoomInfoQps");
        Checks.requireQps(onlineUsersQps, ONLINE_USERS_QPS, "onlineUsersQps");
        Objects.requireNonNull(dataDelay, "dataDelay");
        if (dataDelay.isNegative() || dataDelay.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("dataDelay must be in [0, 10 min], was " + dataDelay);
        }
        Checks.requireRange(maxSplitDepth, 0, 16, "maxSplitDepth");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retry, "retry");
    }

    /** An app with every other setting at its default. */
    public static VolcengineSource of(String appId, String accessKeyId, Secret secretAccessKey) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                "cn-north-1",
                DEFAULT_BASE_URL,
                LIST_ROOM_INFO_QPS,
                ONLINE_USERS_QPS,
                Duration.ofSeconds(20),
                8,
                HttpSettings.defaults(),
                RetrySettings.defaults());
    }

    @Override
    public AppKey app() {
        return AppKey.of(Provider.VOLCENGINE, appId);
    }

    public VolcengineSource withBaseUrl(URI value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                value,
                listRoomInfoQps,
                onlineUsersQps,
                dataDelay,
                maxSplitDepth,
                http,
                retry);
    }

    public VolcengineSource withListRoomInfoQps(int value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                value,
                onlineUsersQps,
                dataDelay,
                maxSplitDepth,
                http,
                retry);
    }

    public VolcengineSource withOnlineUsersQps(int value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                listRoomInfoQps,
                value,
                dataDelay,
                maxSplitDepth,
                http,
                retry);
    }

    public VolcengineSource withDataDelay(Duration value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                listRoomInfoQps,
                onlineUsersQps,
                value,
                maxSplitDepth,
                http,
                retry);
    }

    public VolcengineSource withMaxSplitDepth(int value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                listRoomInfoQps,
                onlineUsersQps,
                dataDelay,
                value,
                http,
                retry);
    }

    public VolcengineSource withHttp(HttpSettings value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                listRoomInfoQps,
                onlineUsersQps,
                dataDelay,
                maxSplitDepth,
                value,
                retry);
    }

    public VolcengineSource withRetry(RetrySettings value) {
        return new VolcengineSource(
                appId,
                accessKeyId,
                secretAccessKey,
                region,
                baseUrl,
                listRoomInfoQps,
                onlineUsersQps,
                dataDelay,
                maxSplitDepth,
                http,
                value);
    }
}
