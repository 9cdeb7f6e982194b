package io.roomwatch.config;

import java.util.Map;

/** Configuration texts and environments shared by the loader tests. */
final class ConfigFixtures {

    /** The example of docs/configuration.md: all three providers, most keys set. */
    static final String FULL =
            """
            kafka:
              bootstrapServers: kafka:9092
              delivery: exactly-once
              eventsTopic: roomwatch.events
              routes: { UserLeft: roomwatch.leaves }
              stateTopic: roomwatch.state
              partitions: 6
              replicationFactor: 3
              eventsRetention: 7d
              transactionalIdPrefix: rw-
              maxInFlight: 512
              blockTimeout: 5s
              deliveryTimeout: 1m
              transactionTimeout: PT90S
              bufferMemory: 16MiB
              loadTimeout: 3m
              properties:
                security.protocol: SASL_SSL
                sasl.mechanism: SCRAM-SHA-512
                sasl.jaas.config: ${KAFKA_JAAS_CONFIG}
                linger.ms: 10
            admin: { host: 0.0.0.0, port: 9500 }
            log: { format: json }
            apps:
              - provider: volcengine
                appId: 661e0000543cf
                accessKeyId: ${VOLC_ACCESS_KEY_ID}
                secretAccessKey: ${VOLC_SECRET_ACCESS_KEY}
                region: ap-singapore-1
                qps: { listRoomInfo: 30, getRoomOnlineUsers: 20 }
                dataDelay: 30s
                maxSplitDepth: 6
                http: { connectTimeout: 2s, requestTimeout: 5s, maxBodyBytes: 4MiB, maxConnections: 8 }
                retry: { maxThrottledRetries: 2, throttledWait: 2s, maxTransientRetries: 1, firstBackoff: 100ms, maxBackoff: 20s, jitter: 0.25 }
                poll:
                  sweepInterval: 15s
                  memberConcurrency: 4
                  maxStaleness: 2m
                  hotWindow: 30s
                  hotWeight: 2
                  maxBatch: 100
                  maxBatchDelay: 50ms
                  initialLookback: 2h
                  probeConcurrency: 2
                  commitRetryMaxBackoff: 1m
                  leaveAfterMisses: 3
              - provider: tencent-live
                sdkAppId: "1400000000"
                administrator: administrator
                secretKey: ${TENCENT_SECRET_KEY}
                region: singapore
                userSigValidity: 12h
                qps: { getRoomList: 5, getRoomInfo: 100, getMemberList: 150 }
                maxPages: 50
              - provider: tencent-conference
                sdkAppId: 1400000000
                administrator: ${TENCENT_ADMIN:-administrator}
                secretKey: ${TENCENT_SECRET_KEY}
                baseUrl: http://127.0.0.1:18080
                rooms: [weekly-standup, board-room, "010"]
                qps: { getRoomInfo: 50, getRoomMemberList: 60 }
                memberPageSize: 100
                probeConcurrency: 8
                maxPages: 20
            """;

    /** The environment {@link #FULL} needs. */
    static final Map<String, String> ENV = Map.of(
            "KAFKA_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "VOLC_ACCESS_KEY_ID", "AKLTexample",
            "VOLC_SECRET_ACCESS_KEY", "volc-secret",
            "TENCENT_SECRET_KEY", "tencent-secret");

    /** The smallest valid file: one Volcengine app, everything else default. */
    static final String MINIMAL =
            """
            kafka:
              bootstrapServers: 127.0.0.1:9092
            apps:
              - provider: volcengine
                appId: app-1
                accessKeyId: AKLTexample
                secretAccessKey: ${VOLC_SECRET_ACCESS_KEY}
            """;

    private ConfigFixtures() {}
}
