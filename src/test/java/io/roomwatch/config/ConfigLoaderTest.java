package io.roomwatch.config;

import static io.roomwatch.config.ConfigFixtures.ENV;
import static io.roomwatch.config.ConfigFixtures.FULL;
import static io.roomwatch.config.ConfigFixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.EventType;
import io.roomwatch.model.Provider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void givenFullExample_whenParsed_thenEveryValueLandsInItsRecord() {
        RoomwatchConfig config = ConfigLoader.parse(FULL, ENV);

        KafkaSinkConfig kafka = config.kafka();
        assertThat(kafka.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(kafka.deliveryMode()).isEqualTo(DeliveryMode.EXACTLY_ONCE);
        assertThat(kafka.eventsTopic()).isEqualTo("roomwatch.events");
        assertThat(kafka.routes()).isEqualTo(Map.of(EventType.USER_LEFT, "roomwatch.leaves"));
        assertThat(kafka.stateTopic()).isEqualTo("roomwatch.state");
        assertThat(kafka.partitions()).isEqualTo(6);
        assertThat(kafka.replicationFactor()).isEqualTo((short) 3);
        assertThat(kafka.eventsRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(kafka.transactionalIdPrefix()).isEqualTo("rw-");
        assertThat(kafka.maxInFlight()).isEqualTo(512);
        assertThat(kafka.blockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(kafka.deliveryTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(kafka.transactionTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(kafka.bufferMemory()).isEqualTo(16L * 1024 * 1024);
        assertThat(kafka.loadTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(kafka.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", ENV.get("KAFKA_JAAS_CONFIG"))
                .containsEntry("linger.ms", "10")
                .hasSize(4);
        assertThat(config.admin()).isEqualTo(new AdminConfig("0.0.0.0", 9500));
        assertThat(config.log().format()).isEqualTo(LogFormat.JSON);
        assertThat(config.apps())
                .extracting(AppConfig::app)
                .containsExactly(
                        AppKey.of(Provider.VOLCENGINE, "661e0000543cf"),
                        AppKey.of(Provider.TENCENT_LIVE, "1400000000"),
                        AppKey.of(Provider.TENCENT_CONFERENCE, "1400000000"));
    }

    @Test
    void givenFullExample_whenParsed_thenVolcengineAppHasItsSettings() {
        AppConfig app = ConfigLoader.parse(FULL, ENV).apps().get(0);

        VolcengineSource volc = (VolcengineSource) app.source();
        assertThat(volc.accessKeyId()).isEqualTo("AKLTexample");
        assertThat(volc.secretAccessKey().reveal()).isEqualTo("volc-secret");
        assertThat(volc.region()).isEqualTo("ap-singapore-1");
        assertThat(volc.baseUrl()).isEqualTo(URI.create("https://open-ap-singapore-1.volcengineapi.com"));
        assertThat(volc.listRoomInfoQps()).isEqualTo(30);
        assertThat(volc.onlineUsersQps()).isEqualTo(20);
        assertThat(volc.dataDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(volc.maxSplitDepth()).isEqualTo(6);
        assertThat(volc.http())
                .isEqualTo(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4 * 1024 * 1024, 8));
        assertThat(volc.retry())
                .isEqualTo(new RetrySettings(
                        2, Duration.ofSeconds(2), 1, Duration.ofMillis(100), Duration.ofSeconds(20), 0.25));
        assertThat(app.poll())
                .isEqualTo(new PollConfig(
                        Duration.ofSeconds(15),
                        4,
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(30),
                        2,
                        100,
                        Duration.ofMillis(50),
                        Duration.ofHours(2),
                        2,
                        Duration.ofMinutes(1),
                        3,
                        AttributionMode.SAFE,
                        Duration.ofMinutes(2),
                        Duration.ofDays(15),
                        Duration.ofSeconds(1),
                        MemberSchedule.NEWS,
                        Duration.ofSeconds(10)));
    }

    @Test
    void givenFullExample_whenParsed_thenTencentAppsHaveTheirSettings() {
        List<AppConfig> apps = ConfigLoader.parse(FULL, ENV).apps();

        TencentLiveSource live = (TencentLiveSource) apps.get(1).source();
        assertThat(live.account().sdkAppId()).isEqualTo(1_400_000_000L);
        assertThat(live.account().administrator()).isEqualTo("administrator");
        assertThat(live.account().secretKey().reveal()).isEqualTo("tencent-secret");
        assertThat(live.account().region()).isEqualTo("singapore");
        assertThat(live.account().baseUrl()).isNull();
        assertThat(live.account().userSigValidity()).isEqualTo(Duration.ofHours(12));
        assertThat(List.of(live.roomListQps(), live.roomInfoQps(), live.memberListQps(), live.maxPages()))
                .containsExactly(5, 100, 150, 50);
        assertThat(apps.get(1).poll()).isEqualTo(PollConfig.defaults());
        assertThat(live.http()).isEqualTo(HttpSettings.defaults());
        assertThat(live.retry()).isEqualTo(RetrySettings.defaults());

        TencentConferenceSource conference =
                (TencentConferenceSource) apps.get(2).source();
        assertThat(conference.account().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(conference.account().administrator()).isEqualTo("administrator");
        assertThat(conference.roomIds()).containsExactly("weekly-standup", "board-room", "010");
        assertThat(List.of(
                        conference.roomInfoQps(),
                        conference.memberListQps(),
                        conference.memberPageSize(),
                        conference.probeConcurrency(),
                        conference.maxPages()))
                .containsExactly(50, 60, 100, 8, 20);
    }

    @Test
    void givenMinimalFile_whenParsed_thenRecordDefaultsApply() {
        RoomwatchConfig config = ConfigLoader.parse(MINIMAL, ENV);

        assertThat(config.kafka()).isEqualTo(KafkaSinkConfig.defaults("127.0.0.1:9092"));
        assertThat(config.admin()).isEqualTo(AdminConfig.defaults());
        assertThat(config.log()).isEqualTo(LogConfig.defaults());
        assertThat(config.apps())
                .containsExactly(AppConfig.of(VolcengineSource.of("app-1", "AKLTexample", Secret.of("volc-secret"))));
    }

    @Test
    void givenPlaceholderWithDefault_whenVariableUnsetOrEmpty_thenDefaultIsUsed() {
        String yaml = MINIMAL.replace("127.0.0.1:9092", "${BROKERS:-localhost:9092}");

        assertThat(ConfigLoader.parse(yaml, ENV).kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(ConfigLoader.parse(yaml, with(ENV, "BROKERS", "")).kafka().bootstrapServers())
                .isEqualTo("localhost:9092");
        assertThat(ConfigLoader.parse(yaml, with(ENV, "BROKERS", "b1:9092,b2:9092"))
                        .kafka()
                        .bootstrapServers())
                .isEqualTo("b1:9092,b2:9092");
    }

    @Test
    void givenPlaceholdersInsideText_whenParsed_thenEachIsReplacedAndEscapesStayLiteral() {
        String yaml = MINIMAL.replace("127.0.0.1:9092", "${HOST}:${PORT}").replace("appId: app-1", "appId: a$${b}");

        RoomwatchConfig config = ConfigLoader.parse(yaml, with(with(ENV, "HOST", "kafka"), "PORT", "9093"));

        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9093");
        assertThat(config.apps().get(0).app().appId()).isEqualTo("a${b}");
    }

    @Test
    void givenDurationsInShortAndIsoForm_whenParsed_thenBothAreUnderstood() {
        String yaml = MINIMAL
                + "    poll: { sweepInterval: PT10S, maxStaleness: 90s, hotWindow: 2m, maxBatchDelay: 500ms,"
                + " initialLookback: 1d, commitRetryMaxBackoff: P0DT1H }\n";

        PollConfig poll = ConfigLoader.parse(yaml, ENV).apps().get(0).poll();

        assertThat(poll.sweepInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(poll.maxStaleness()).isEqualTo(Duration.ofSeconds(90));
        assertThat(poll.hotWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(poll.maxBatchDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(poll.initialLookback()).isEqualTo(Duration.ofDays(1));
        assertThat(poll.commitRetryMaxBackoff()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void givenBootstrapServersAsList_whenParsed_thenJoinedWithCommas() {
        String yaml = MINIMAL.replace("bootstrapServers: 127.0.0.1:9092", "bootstrapServers: [b1:9092, b2:9092]");

        assertThat(ConfigLoader.parse(yaml, ENV).kafka().bootstrapServers()).isEqualTo("b1:9092,b2:9092");
    }

    @Test
    void givenValidFile_whenValidated_thenNoProblemsAndASummary(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("roomwatch.yml"), FULL);

        ConfigValidation validation = ConfigLoader.validate(file, ENV);

        assertThat(validation.valid()).isTrue();
        assertThat(validation.summary())
                .contains("kafka:9092", "exactly-once", "3 apps", "volcengine/661e0000543cf", "tencent-live/1400000000")
                .contains("tencent-conference/1400000000: http://127.0.0.1:18080, 3 rooms");
    }

    @Test
    void givenMissingFile_whenLoaded_thenOneProblemNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("nope.yml");

        assertThatThrownBy(() -> ConfigLoader.load(file, ENV))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.problems()).containsExactly(file + ": no such file"));
        assertThat(ConfigLoader.validate(file, ENV).problems()).containsExactly(file + ": no such file");
    }

    static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(env);
        more.put(name, value);
        return Map.copyOf(more);
    }
}
