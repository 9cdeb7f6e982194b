package io.roomwatch.config;

import static io.roomwatch.config.ConfigFixtures.ENV;
import static io.roomwatch.config.ConfigFixtures.FULL;
import static io.roomwatch.config.ConfigFixtures.MINIMAL;
import static io.roomwatch.config.ConfigLoaderTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvOverridesTest {

    @Test
    void givenOverrideOfKafkaKey_whenParsed_thenItWinsOverTheFile() {
        RoomwatchConfig config =
                ConfigLoader.parse(FULL, with(ENV, "ROOMWATCH_KAFKA__BOOTSTRAPSERVERS", "broker:9092"));

        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:9092");
    }

    @Test
    void givenOverrideOfAbsentSection_whenParsed_thenSectionIsCreated() {
        Map<String, String> env = with(with(ENV, "ROOMWATCH_LOG__FORMAT", "json"), "ROOMWATCH_ADMIN__PORT", "9500");

        RoomwatchConfig config = ConfigLoader.parse(MINIMAL, env);

        assertThat(config.log().format()).isEqualTo(LogFormat.JSON);
        assertThat(config.admin()).isEqualTo(new AdminConfig("127.0.0.1", 9500));
    }

    @Test
    void givenOverrideWithListIndex_whenParsed_thenOnlyThatAppChanges() {
        RoomwatchConfig config = ConfigLoader.parse(FULL, with(ENV, "ROOMWATCH_APPS__1__POLL__SWEEPINTERVAL", "5s"));

        assertThat(config.apps().get(1).poll().sweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.apps().get(0).poll().sweepInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.apps().get(2).poll().sweepInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givenOverrideOfKafkaProperty_whenParsed_thenKeyIsMatchedOrDotted() {
        Map<String, String> env = with(
                with(ENV, "ROOMWATCH_KAFKA__PROPERTIES__SASL_MECHANISM", "PLAIN"),
                "ROOMWATCH_KAFKA__PROPERTIES__COMPRESSION_TYPE",
                "zstd");

        Map<String, String> properties = ConfigLoader.parse(FULL, env).kafka().clientProperties();

        assertThat(properties).containsEntry("sasl.mechanism", "PLAIN").containsEntry("compression.type", "zstd");
    }

    @Test
    void givenOverrideOfList_whenParsed_thenCommaSeparatedOrFlowListIsAccepted() {
        RoomwatchConfig commas = ConfigLoader.parse(FULL, with(ENV, "ROOMWATCH_APPS__2__ROOMS", "a, b"));
        RoomwatchConfig flow = ConfigLoader.parse(FULL, with(ENV, "ROOMWATCH_APPS__2__ROOMS", "[c, \"010\"]"));
        RoomwatchConfig one = ConfigLoader.parse(FULL, with(ENV, "ROOMWATCH_APPS__2__ROOMS__1", "lobby"));

        assertThat(((TencentConferenceSource) commas.apps().get(2).source()).roomIds())
                .containsExactly("a", "b");
        assertThat(((TencentConferenceSource) flow.apps().get(2).source()).roomIds())
                .containsExactly("c", "010");
        assertThat(((TencentConferenceSource) one.apps().get(2).source()).roomIds())
                .containsExactly("weekly-standup", "lobby", "010");
    }

    @Test
    void givenOverrideOfSecret_whenParsed_thenItReplacesThePlaceholder() {
        Map<String, String> env = Map.of("ROOMWATCH_APPS__0__SECRETACCESSKEY", "from-override");

        RoomwatchConfig config = ConfigLoader.parse(MINIMAL, env);

        assertThat(((VolcengineSource) config.apps().get(0).source())
                        .secretAccessKey()
                        .reveal())
                .isEqualTo("from-override");
    }

    @Test
    void givenOverrideValue_whenInvalid_thenProblemNamesTheKeyLikeAFileValue() {
        List<String> problems = ConfigLoader.validate(FULL, with(ENV, "ROOMWATCH_APPS__0__POLL__SWEEPINTERVAL", "-5s"))
                .problems();

        assertThat(problems)
                .containsExactly("apps[0] (volcengine/661e0000543cf).poll.sweepInterval: must be positive, was -5s");
    }

    @Test
    void givenOverrideOfUnknownKey_whenParsed_thenProblemNamesTheVariable() {
        Map<String, String> env = with(
                with(ENV, "ROOMWATCH_APPS__0__REGOIN", "cn-north-1"), "ROOMWATCH_KAFKA__BOOTSTRAPSERVER", "secret-ish");

        List<String> problems = ConfigLoader.validate(FULL, env).problems();

        assertThat(problems)
                .containsExactly(
                        "ROOMWATCH_APPS__0__REGOIN: apps[0] has no key REGOIN (did you mean region?)",
                        "ROOMWATCH_KAFKA__BOOTSTRAPSERVER: kafka has no key BOOTSTRAPSERVER (did you mean"
                                + " bootstrapServers?)");
        assertThat(String.join("\n", problems)).doesNotContain("secret-ish");
    }

    @Test
    void givenOverrideOfMissingListEntry_whenParsed_thenProblemSaysHowManyThereAre() {
        List<String> problems = ConfigLoader.validate(MINIMAL, with(ENV, "ROOMWATCH_APPS__3__APPID", "x"))
                .problems();

        assertThat(problems)
                .containsExactly("ROOMWATCH_APPS__3__APPID: there is no apps[3] (apps has 1 entries; an override may"
                        + " append the next one only)");
    }

    @Test
    void givenOverrideOfSection_whenParsed_thenProblemAsksForItsKeys() {
        List<String> problems = ConfigLoader.validate(MINIMAL, with(ENV, "ROOMWATCH_APPS__0__POLL", "fast"))
                .problems();

        assertThat(problems)
                .containsExactly("ROOMWATCH_APPS__0__POLL: apps[0].poll is a section; override its keys one by one");
    }

    @Test
    void givenOverridesAppendingAnApp_whenParsed_thenTheAppIsWatched() {
        Map<String, String> env = Map.of(
                "VOLC_SECRET_ACCESS_KEY", "s1",
                "ROOMWATCH_APPS__1__PROVIDER", "tencent-live",
                "ROOMWATCH_APPS__1__SDKAPPID", "1400000001",
                "ROOMWATCH_APPS__1__ADMINISTRATOR", "administrator",
                "ROOMWATCH_APPS__1__SECRETKEY", "s2",
                "ROOMWATCH_APPS__1__REGION", "china");

        RoomwatchConfig config = ConfigLoader.parse(MINIMAL, env);

        assertThat(config.apps()).hasSize(2);
        assertThat(config.apps().get(1).app().toString()).isEqualTo("tencent-live/1400000001");
    }

    @Test
    void givenRoomwatchVariableWithoutPath_whenParsed_thenItIsNoOverride() {
        RoomwatchConfig config = ConfigLoader.parse(MINIMAL, with(ENV, "ROOMWATCH_CONFIG", "/etc/roomwatch.yml"));

        assertThat(config.apps()).hasSize(1);
    }
}
