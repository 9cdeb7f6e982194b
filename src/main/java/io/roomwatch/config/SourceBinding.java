package io.roomwatch.config;

import io.roomwatch.model.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Binds an app's vendor settings to a {@link SourceConfig}. */
final class SourceBinding {

    /** Tencent's REST APIs need a region or a base URL; with a base URL the region is not used. */
    static final String UNUSED_REGION = "china";

    private static final Map<String, String> VOLCENGINE_KEYS =
            Map.of("listRoomInfoQps", "qps.listRoomInfo", "onlineUsersQps", "qps.getRoomOnlineUsers");
    private static final Map<String, String> LIVE_KEYS = Map.of(
            "roomListQps", "qps.getRoomList", "roomInfoQps", "qps.getRoomInfo", "memberListQps", "qps.getMemberList");
    private static final Map<String, String> CONFERENCE_KEYS =
            Map.of("roomIds", "rooms", "roomInfoQps", "qps.getRoomInfo", "memberListQps", "qps.getRoomMemberList");

    /** Stands in for a part that failed, so that the rest of the source is still checked. */
    private static final TencentAccount CHECK_ACCOUNT = TencentAccount.of(1, "check", Secret.of("check"), "china");

    private SourceBinding() {}

    static @Nullable VolcengineSource volcengine(Section app) {
        VolcengineSource d = VolcengineSource.of("defaults", "defaults", Secret.of("defaults"));
        String appId = app.required("appId");
        String accessKeyId = app.required("accessKeyId");
        Secret secretAccessKey = app.secret("secretAccessKey");
        String region = app.text("region", d.region());
        URI baseUrl = volcengineEndpoint(app, region);
        Section qps = app.section("qps");
        qps.checkKeys(Schema.VOLCENGINE.keys().get("qps"));
        int listRoomInfo = qps.integer("listRoomInfo", d.listRoomInfoQps());
        int onlineUsers = qps.integer("getRoomOnlineUsers", d.onlineUsersQps());
        Duration dataDelay = app.duration("dataDelay", d.dataDelay());
        int maxSplitDepth = app.integer("maxSplitDepth", d.maxSplitDepth());
        HttpSettings http = AppBinding.http(app.section("http"));
        RetrySettings retry = AppBinding.retry(app.section("retry"));
        // parts that failed are replaced by valid stand-ins, so the record still checks everything else
        VolcengineSource source = built(
                app,
                VOLCENGINE_KEYS,
                () -> new VolcengineSource(
                        appId == null ? d.appId() : appId,
                        accessKeyId == null ? d.accessKeyId() : accessKeyId,
                        secretAccessKey == null ? d.secretAccessKey() : secretAccessKey,
                        region,
                        baseUrl == null ? d.baseUrl() : baseUrl,
                        listRoomInfo,
                        onlineUsers,
                        dataDelay,
                        maxSplitDepth,
                        http == null ? d.http() : http,
                        retry == null ? d.retry() : retry));
        boolean complete = appId != null && accessKeyId != null && secretAccessKey != null && baseUrl != null;
        return complete && http != null && retry != null ? source : null;
    }

    static @Nullable SourceConfig tencent(Section app, Provider provider) {
        TencentAccount account = account(app);
        HttpSettings http = AppBinding.http(app.section("http"));
        RetrySettings retry = AppBinding.retry(app.section("retry"));
        Section qps = app.section("qps");
        qps.checkKeys(Schema.app(provider).keys().get("qps"));
        if (provider == Provider.TENCENT_LIVE) {
            TencentLiveSource d = TencentLiveSource.of(TencentAccount.of(1, "defaults", Secret.of("defaults"), "-"));
            int roomList = qps.integer("getRoomList", d.roomListQps());
            int roomInfo = qps.integer("getRoomInfo", d.roomInfoQps());
            int memberList = qps.integer("getMemberList", d.memberListQps());
            int maxPages = app.integer("maxPages", d.maxPages());
            // parts that failed are replaced by valid stand-ins, so the record still checks everything else
            TencentLiveSource source = built(
                    app,
                    LIVE_KEYS,
                    () -> new TencentLiveSource(
                            orCheck(account),
                            roomList,
                            roomInfo,
                            memberList,
                            maxPages,
                            orDefault(http),
                            orDefault(retry)));
            return account == null || http == null || retry == null ? null : source;
        }
        TencentConferenceSource d =
                TencentConferenceSource.of(TencentAccount.of(1, "defaults", Secret.of("defaults"), "-"), List.of("-"));
        List<String> rooms = rooms(app);
        int roomInfo = qps.integer("getRoomInfo", d.roomInfoQps());
        int memberList = qps.integer("getRoomMemberList", d.memberListQps());
        int pageSize = app.integer("memberPageSize", d.memberPageSize());
        int probes = app.integer("probeConcurrency", d.probeConcurrency());
        int maxPages = app.integer("maxPages", d.maxPages());
        TencentConferenceSource source = built(
                app,
                CONFERENCE_KEYS,
                () -> new TencentConferenceSource(
                        orCheck(account),
                        rooms == null ? d.roomIds() : rooms,
                        roomInfo,
                        memberList,
                        pageSize,
                        probes,
                        maxPages,
                        orDefault(http),
                        orDefault(retry)));
        return account == null || rooms == null || http == null || retry == null ? null : source;
    }

    private static TencentAccount orCheck(@Nullable TencentAccount account) {
        return account == null ? CHECK_ACCOUNT : account;
    }

    private static HttpSettings orDefault(@Nullable HttpSettings http) {
        return http == null ? HttpSettings.defaults() : http;
    }

    private static RetrySettings orDefault(@Nullable RetrySettings retry) {
        return retry == null ? RetrySettings.defaults() : retry;
    }

    private static @Nullable TencentAccount account(Section app) {
        boolean hasId = app.has("sdkAppId");
        long sdkAppId = app.number("sdkAppId", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (!hasId) {
            app.problems().add(app.where("sdkAppId"), "missing (required)");
        }
        String administrator = app.required("administrator");
        Secret secretKey = app.secret("secretKey");
        URI baseUrl = app.url("baseUrl");
        String region = tencentRegion(app, baseUrl != null || app.has("baseUrl"));
        Duration userSigValidity = app.duration("userSigValidity", Duration.ofDays(1));
        if (!hasId || administrator == null || secretKey == null || region == null) {
            return null;
        }
        return app.problems()
                .build(
                        app.where(),
                        Map.of(),
                        () -> new TencentAccount(sdkAppId, administrator, secretKey, region, baseUrl, userSigValidity));
    }

    private static @Nullable String tencentRegion(Section app, boolean hasBaseUrl) {
        String region = app.text("region");
        if (region == null) {
            if (!hasBaseUrl && !app.has("region")) {
                app.problems().add(app.where("region"), "missing (required unless baseUrl is set)");
            }
            return hasBaseUrl ? UNUSED_REGION : null;
        }
        if (!Regions.isTencent(region)) {
            app.problems()
                    .add(
                            app.where("region"),
                            "unknown region " + Section.quote(region) + ", expected one of "
                                    + String.join(", ", Regions.tencentNames()));
            return null;
        }
        return region;
    }

    /** {@code baseUrl} if set, else the region's endpoint; the region signs requests either way. */
    private static @Nullable URI volcengineEndpoint(Section app, String region) {
        boolean hasBaseUrl = app.has("baseUrl");
        URI baseUrl = app.url("baseUrl");
        if (!Regions.VOLCENGINE.contains(region)) {
            app.problems()
                    .add(
                            app.where("region"),
                            "unknown region " + Section.quote(region) + ", expected one of "
                                    + String.join(", ", Regions.VOLCENGINE));
            return null;
        }
        if (hasBaseUrl) {
            return baseUrl;
        }
        URI endpoint = Regions.volcengineEndpoint(region).orElse(null);
        if (endpoint == null) {
            app.problems().add(app.where("region"), "no documented endpoint for " + region + ", set baseUrl");
        }
        return endpoint;
    }

    private static @Nullable List<String> rooms(Section app) {
        if (!app.has("rooms")) {
            app.problems()
                    .add(
                            app.where("rooms"),
                            "missing (required: TUIRoomKit has no room list, name the rooms to watch)");
            return null;
        }
        return app.texts("rooms");
    }

    /** The source, checked for a usable app key too (it appears in events, metrics and the transactional id). */
    private static <T extends SourceConfig> @Nullable T built(
            Section app, Map<String, String> keys, Supplier<T> constructor) {
        T source = app.problems().build(app.where(), keys, constructor);
        if (source == null) {
            return null;
        }
        return app.problems().build(app.where(), Map.of(), () -> {
            source.app();
            return source;
        });
    }
}
