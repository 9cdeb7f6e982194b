package io.roomwatch.config;

import io.roomwatch.model.Provider;

/** Every key of the configuration file (documented in {@code docs/configuration.md}). */
final class Schema {

    static final Shape HTTP = Shape.section("connectTimeout", "requestTimeout", "maxBodyBytes", "maxConnections");

    static final Shape RETRY = Shape.section(
            "maxThrottledRetries", "throttledWait", "maxTransientRetries", "firstBackoff", "maxBackoff", "jitter");

    static final Shape POLL = Shape.section(
            "sweepInterval",
            "memberConcurrency",
            "maxStaleness",
            "hotWindow",
            "hotWeight",
            "maxBatch",
            "maxBatchDelay",
            "initialLookback",
            "probeConcurrency",
            "commitRetryMaxBackoff",
            "leaveAfterMisses");

    static final Shape VOLCENGINE = Shape.section(
                    "provider", "appId", "accessKeyId", "secretAccessKey", "region", "baseUrl")
            .with("qps", Shape.section("listRoomInfo", "getRoomOnlineUsers"))
            .merge(Shape.section("dataDelay", "maxSplitDepth"))
            .with("http", HTTP)
            .with("retry", RETRY)
            .with("poll", POLL);

    private static final Shape TENCENT_ACCOUNT =
            Shape.section("provider", "sdkAppId", "administrator", "secretKey", "region", "baseUrl", "userSigValidity");

    static final Shape TENCENT_LIVE = TENCENT_ACCOUNT
            .with("qps", Shape.section("getRoomList", "getRoomInfo", "getMemberList"))
            .merge(Shape.section("maxPages"))
            .with("http", HTTP)
            .with("retry", RETRY)
            .with("poll", POLL);

    static final Shape TENCENT_CONFERENCE = TENCENT_ACCOUNT
            .with("rooms", Shape.SCALARS)
            .with("qps", Shape.section("getRoomInfo", "getRoomMemberList"))
            .merge(Shape.section("memberPageSize", "probeConcurrency", "maxPages"))
            .with("http", HTTP)
            .with("retry", RETRY)
            .with("poll", POLL);

    /** Any app, whatever its provider: what an environment override may name. */
    static final Shape ANY_APP = VOLCENGINE
            .merge(TENCENT_LIVE)
            .merge(TENCENT_CONFERENCE)
            .with(
                    "qps",
                    VOLCENGINE
                            .keys()
                            .get("qps")
                            .merge(TENCENT_LIVE.keys().get("qps"))
                            .merge(TENCENT_CONFERENCE.keys().get("qps")));

    static final Shape KAFKA = Shape.section("bootstrapServers", "delivery", "eventsTopic")
            .with("routes", Shape.section("RoomCreated", "RoomDestroyed", "UserJoined", "UserLeft"))
            .merge(Shape.section(
                    "stateTopic",
                    "partitions",
                    "replicationFactor",
                    "eventsRetention",
                    "transactionalIdPrefix",
                    "maxInFlight",
                    "blockTimeout",
                    "deliveryTimeout",
                    "transactionTimeout",
                    "bufferMemory",
                    "loadTimeout"))
            .with("properties", Shape.PROPERTIES);

    static final Shape ROOT = Shape.section()
            .with("kafka", KAFKA)
            .with("admin", Shape.section("host", "port"))
            .with("log", Shape.section("format"))
            .with("apps", Shape.list(ANY_APP));

    private Schema() {}

    /** The keys an app of {@code provider} accepts. */
    static Shape app(Provider provider) {
        switch (provider) {
            case VOLCENGINE:
                return VOLCENGINE;
            case TENCENT_LIVE:
                return TENCENT_LIVE;
            default:
                return TENCENT_CONFERENCE;
        }
    }
}
