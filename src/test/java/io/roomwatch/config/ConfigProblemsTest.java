package io.roomwatch.config;

import static io.roomwatch.config.ConfigFixtures.ENV;
import static io.roomwatch.config.ConfigFixtures.FULL;
import static io.roomwatch.config.ConfigFixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per kind of problem: the exact line, naming the key and the app. */
class ConfigProblemsTest {

    @Test
    void givenUnknownKey_whenParsed_thenProblemSuggestsTheClosestKey() {
        String yaml = FULL.replace("    region: singapore\n", "    regoin: singapore\n");

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "apps[1] (tencent-live/1400000000).regoin: unknown key (did you mean region?)",
                        "apps[1] (tencent-live/1400000000).region: missing (required unless baseUrl is set)");
    }

    @Test
    void givenUnknownKeyWithoutCloseMatch_whenParsed_thenProblemListsTheKeys() {
        assertThat(problems(MINIMAL + "admin: { hots: 0.0.0.0, colour: blue }\n", ENV))
                .containsExactly(
                        "admin.hots: unknown key (did you mean host?)",
                        "admin.colour: unknown key, expected one of host, port");
    }

    @Test
    void givenKeyOfAnotherProvider_whenParsed_thenProblemSaysSo() {
        String yaml = FULL.replace("    maxPages: 50\n", "    maxPages: 50\n    rooms: [a]\n");

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[1] (tencent-live/1400000000).rooms: not a setting of tencent-live apps");
    }

    @Test
    void givenUnsetVariableForCredential_whenParsed_thenProblemNamesVariableFieldAndApp() {
        Map<String, String> env = new HashMap<>(ENV);
        env.remove("VOLC_SECRET_ACCESS_KEY");

        assertThat(problems(FULL, env))
                .containsExactly("apps[0] (volcengine/661e0000543cf).secretAccessKey: environment variable"
                        + " VOLC_SECRET_ACCESS_KEY is not set");
    }

    @Test
    void givenMissingCredentialKey_whenParsed_thenProblemSaysWhatToWrite() {
        String yaml = FULL.replace(
                "    secretKey: ${TENCENT_SECRET_KEY}\n    region: singapore\n", "    region: singapore\n");

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[1] (tencent-live/1400000000).secretKey: missing (required; e.g. secretKey:"
                        + " ${SECRET_KEY})");
    }

    @Test
    void givenNegativeInterval_whenParsed_thenProblemQuotesItInTheFileForm() {
        String yaml = MINIMAL + "    poll: { sweepInterval: -5s }\n";

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[0] (volcengine/app-1).poll.sweepInterval: must be positive, was -5s");
    }

    @Test
    void givenBudgetAboveDocumentedLimit_whenParsed_thenProblemNamesTheLimit() {
        String yaml = FULL.replace("getMemberList: 150", "getMemberList: 250");

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "apps[1] (tencent-live/1400000000).qps.getMemberList: 250 is above the documented limit of 200/s");
    }

    @Test
    void givenUnknownTencentRegion_whenParsed_thenProblemListsTheRegions() {
        String yaml = FULL.replace("region: singapore", "region: mars");

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[1] (tencent-live/1400000000).region: unknown region 'mars', expected one of"
                        + " china, china-backup, singapore, seoul, frankfurt, usa, jakarta, mumbai");
    }

    @Test
    void givenUnknownVolcengineRegion_whenParsed_thenProblemListsTheRegions() {
        String yaml = MINIMAL + "    region: cn-mars-1\n";

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[0] (volcengine/app-1).region: unknown region 'cn-mars-1', expected one of"
                        + " cn-north-1, ap-singapore-1, us-east-1");
    }

    @Test
    void givenVolcengineRegionWithoutEndpoint_whenParsed_thenProblemAsksForBaseUrl() {
        assertThat(problems(MINIMAL + "    region: us-east-1\n", ENV))
                .containsExactly(
                        "apps[0] (volcengine/app-1).region: no documented endpoint for us-east-1, set baseUrl");
        assertThat(problems(MINIMAL + "    region: us-east-1\n    baseUrl: https://gw.example.com\n", ENV))
                .isEmpty();
    }

    @Test
    void givenUnknownEnumValue_whenParsed_thenProblemListsTheValues() {
        String yaml = FULL.replace("delivery: exactly-once", "delivery: exactly_once");

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "kafka.delivery: unknown value 'exactly_once', expected exactly-once or at-least-once");
    }

    @Test
    void givenSameAppTwice_whenParsed_thenProblemNamesBothEntries() {
        String yaml = MINIMAL + MINIMAL.substring(MINIMAL.indexOf("  - provider"));

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[1] (volcengine/app-1): same app as apps[0]; each provider and app id may appear"
                        + " once (one transactional.id per app)");
    }

    @Test
    void givenBadValues_whenParsed_thenProblemsSayWhatWasExpected() {
        String yaml =
                MINIMAL.replace("appId: app-1", "appId: app-1\n    maxSplitDepth: deep\n    dataDelay: 5 minutes");

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "apps[0] (volcengine/app-1).dataDelay: '5 minutes' is not valid, expected e.g. 500ms, 10s, 5m,"
                                + " 1h, 7d or ISO-8601 PT10S",
                        "apps[0] (volcengine/app-1).maxSplitDepth: 'deep' is not valid, expected a whole number");
    }

    @Test
    void givenManyProblems_whenParsed_thenAllAreReportedInOnePass() {
        String yaml = FULL.replace("delivery: exactly-once", "delivery: sometimes")
                .replace("getRoomOnlineUsers: 20", "getRoomOnlineUsers: 41")
                .replace("region: singapore", "region: mars")
                .replace("    rooms:", "    roms:")
                .replace("hotWeight: 2", "hotWeight: 0")
                .replace("log: { format: json }", "log: { format: xml }");
        Map<String, String> env = new HashMap<>(ENV);
        env.remove("TENCENT_SECRET_KEY");

        assertThat(problems(yaml, env))
                .containsExactlyInAnyOrder(
                        "kafka.delivery: unknown value 'sometimes', expected exactly-once or at-least-once",
                        "log.format: unknown value 'xml', expected text or json",
                        "apps[0] (volcengine/661e0000543cf).qps.getRoomOnlineUsers: 41 is above the documented limit"
                                + " of 40/s",
                        "apps[0] (volcengine/661e0000543cf).poll.hotWeight: must be >= 1, was 0",
                        "apps[1] (tencent-live/1400000000).secretKey: environment variable TENCENT_SECRET_KEY is not set",
                        "apps[1] (tencent-live/1400000000).region: unknown region 'mars', expected one of china,"
                                + " china-backup, singapore, seoul, frankfurt, usa, jakarta, mumbai",
                        "apps[2] (tencent-conference/1400000000).roms: unknown key (did you mean rooms?)",
                        "apps[2] (tencent-conference/1400000000).secretKey: environment variable TENCENT_SECRET_KEY is"
                                + " not set",
                        "apps[2] (tencent-conference/1400000000).rooms: missing (required: TUIRoomKit has no room"
                                + " list, name the rooms to watch)");
    }

    @Test
    void givenMissingCredential_whenParsed_thenTheRestOfTheAppIsStillChecked() {
        String yaml = MINIMAL.replace("    accessKeyId: AKLTexample\n", "") + "    qps: { listRoomInfo: 61 }\n";

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "apps[0] (volcengine/app-1).accessKeyId: missing (required)",
                        "apps[0] (volcengine/app-1).qps.listRoomInfo: 61 is above the documented limit of 60/s");
    }

    @Test
    void givenReservedKafkaProperty_whenParsed_thenProblemSaysWhichKeyToUse() {
        String yaml = FULL.replace("    linger.ms: 10\n", "    linger.ms: 10\n    acks: 1\n    max.block.ms: 5\n");

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "kafka.properties.acks: set by roomwatch, cannot be overridden: roomwatch always uses acks=all",
                        "kafka.properties.max.block.ms: set by roomwatch, cannot be overridden: use kafka.blockTimeout");
    }

    @Test
    void givenDuplicateRoom_whenParsed_thenProblemIsAtRooms() {
        String yaml = FULL.replace("rooms: [weekly-standup, board-room, \"010\"]", "rooms: [a, a]");

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "apps[2] (tencent-conference/1400000000).rooms: must be non-empty and without duplicates");
    }

    @Test
    void givenNoKafkaAndNoApps_whenParsed_thenBothAreMissing() {
        assertThat(problems("log: { format: text }\n", ENV))
                .containsExactly(
                        "kafka.bootstrapServers: missing (required)",
                        "apps: missing (required: at least one app to watch)");
    }

    @Test
    void givenUnknownProvider_whenParsed_thenProblemListsProviders() {
        String yaml = MINIMAL.replace("provider: volcengine", "provider: zoom");

        assertThat(problems(yaml, ENV))
                .containsExactly("apps[0].provider: unknown value 'zoom', expected one of volcengine, tencent-live,"
                        + " tencent-conference");
    }

    @Test
    void givenYamlSyntaxError_whenParsed_thenProblemNamesLineAndColumn() {
        assertThat(problems("kafka:\n  bootstrapServers: a\n   bad: [\n", ENV))
                .containsExactly("line 3, column 7: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void givenDuplicateKey_whenParsed_thenProblemNamesIt() {
        assertThat(problems(MINIMAL + "log: { format: text }\nlog: { format: json }\n", ENV))
                .containsExactly("log: duplicate key (again on line 9)");
    }

    @Test
    void givenRecordCrossFieldRule_whenViolated_thenProblemIsAtTheFirstFieldItNames() {
        String yaml = MINIMAL + "    retry: { firstBackoff: 20s }\n";

        assertThat(problems(yaml, ENV))
                .containsExactly(
                        "apps[0] (volcengine/app-1).retry.maxBackoff: must be >= firstBackoff and >= throttledWait");
    }

    @Test
    void givenInvalidFile_whenValidated_thenProblemsAndNoSummary() {
        ConfigValidation validation = ConfigLoader.validate(MINIMAL.replace("app-1", "\"\""), ENV);

        assertThat(validation.valid()).isFalse();
        assertThat(validation.problems()).containsExactly("apps[0] (volcengine).appId: missing (required)");
        assertThat(validation.summary()).isEmpty();
    }

    @Test
    void givenProblems_whenThrown_thenMessageListsEveryLine() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.parse(MINIMAL.replace("127.0.0.1:9092", "${NOPE}"), Map.of()));

        assertThat(e.getMessage())
                .isEqualTo("invalid configuration (2 problems):\n"
                        + "  kafka.bootstrapServers: environment variable NOPE is not set\n"
                        + "  apps[0] (volcengine/app-1).secretAccessKey: environment variable VOLC_SECRET_ACCESS_KEY is"
                        + " not set");
    }

    static List<String> problems(String yaml, Map<String, String> env) {
        return ConfigLoader.validate(yaml, env).problems();
    }
}
