package io.roomwatch.config;

import static io.roomwatch.config.ConfigFixtures.FULL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sentinel secret never leaves the secret fields: not in toString(), problem lines, messages or summaries. */
class SecretSentinelTest {

    private static final String SENTINEL = "SENTINEL-3c9f7a51e2";

    private static final Map<String, String> ENV = Map.of(
            "KAFKA_JAAS_CONFIG", SENTINEL,
            "VOLC_ACCESS_KEY_ID", "AKLTexample",
            "VOLC_SECRET_ACCESS_KEY", SENTINEL,
            "TENCENT_SECRET_KEY", SENTINEL);

    @Test
    void givenSentinelSecrets_whenLoaded_thenNoToStringShowsThem() {
        RoomwatchConfig config = ConfigLoader.parse(FULL, ENV);

        assertThat(config.toString()).doesNotContain(SENTINEL).contains("***");
        config.apps().forEach(app -> assertThat(app.toString() + app.source() + app.poll())
                .doesNotContain(SENTINEL));
        assertThat(config.kafka().toString()).doesNotContain(SENTINEL);
        assertThat(config.summary()).doesNotContain(SENTINEL);
        assertThat(ConfigLoader.validate(FULL, ENV).summary())
                .doesNotContain(SENTINEL)
                .isNotEmpty();
    }

    @Test
    void givenSentinelSecretsAndErrorsElsewhere_whenLoaded_thenNoProblemShowsThem() {
        String yaml = FULL.replace("region: singapore", "region: mars")
                .replace("delivery: exactly-once", "delivery: maybe")
                .replace("getMemberList: 150", "getMemberList: 999")
                .replace("sweepInterval: 15s", "sweepInterval: -1s");

        assertNoSentinel(yaml, ENV, 4);
    }

    @Test
    void givenSentinelSecretsInWrongPlaces_whenLoaded_thenProblemsRedactThem() {
        String yaml = FULL.replace("secretKey: ${TENCENT_SECRET_KEY}", "secretKey: [" + SENTINEL + "]")
                .replace(
                        "security.protocol: SASL_SSL",
                        "security.protocol: SASL_SSL\n    sasl.password: " + SENTINEL + "\n    max.block.ms: 5")
                .replace("maxSplitDepth: 6", "maxSplitDepth: 6\n    appId2: x")
                .replace("region: singapore", "region: ${TENCENT_SECRET_KEY}");

        List<String> problems = assertNoSentinel(yaml, ENV, 5);
        assertThat(problems).anyMatch(line -> line.contains("unknown region '<redacted>'"));
    }

    @Test
    void givenSentinelSecretWithBadSyntaxNearby_whenLoaded_thenSyntaxProblemDoesNotQuoteTheLine() {
        String yaml = "kafka:\n  bootstrapServers: a\napps:\n  - secretKey: " + SENTINEL + ": broken\n";

        assertNoSentinel(yaml, Map.of(), 1);
    }

    @Test
    void givenSentinelInOverrides_whenOverrideIsWrong_thenProblemDoesNotQuoteIt() {
        Map<String, String> env = Map.of(
                "TENCENT_SECRET_KEY", SENTINEL,
                "KAFKA_JAAS_CONFIG", SENTINEL,
                "VOLC_ACCESS_KEY_ID", "AKLTexample",
                "VOLC_SECRET_ACCESS_KEY", SENTINEL,
                "ROOMWATCH_APPS__0__SECRETACCESKEY", SENTINEL,
                "ROOMWATCH_APPS__1__SECRETKEY", "[" + SENTINEL);

        assertNoSentinel(FULL, env, 2);
    }

    private static List<String> assertNoSentinel(String yaml, Map<String, String> env, int problemCount) {
        ConfigValidation validation = ConfigLoader.validate(yaml, env);
        assertThat(validation.problems()).hasSize(problemCount);
        assertThat(String.join("\n", validation.problems())).doesNotContain(SENTINEL);
        assertThat(validation.summary()).doesNotContain(SENTINEL);
        try {
            ConfigLoader.parse(yaml, env);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain(SENTINEL);
            assertThat(e.toString()).doesNotContain(SENTINEL);
        }
        return validation.problems();
    }
}
