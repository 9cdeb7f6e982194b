package io.roomwatch.config;

import static io.roomwatch.config.ConfigFixtures.ENV;
import static io.roomwatch.config.ConfigFixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The callback settings (issue 17) are checked like every other key: one line per mistake, secrets masked. */
class CallbackSettingsTest {

    private static final String WITH_SECRET = MINIMAL + "    callback:\n      secret: ${VOLC_CALLBACK_KEY}\n";

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("VOLC_CALLBACK_KEY", "the-callback-key");
        return env;
    }

    @Test
    void givenCallbacksOnAndAnAppSecret_whenParsed_thenBothLand_andTheSecretIsMasked() {
        RoomwatchConfig config =
                ConfigLoader.parse(WITH_SECRET + "callbacks: { enabled: true, port: 9500, ackTimeout: 3s }\n", env());

        assertThat(config.callbacks().enabled()).isTrue();
        assertThat(config.callbacks().port()).isEqualTo(9500);
        assertThat(config.callbacks().ackTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.callbacks().host()).isEqualTo("127.0.0.1");
        assertThat(config.apps().get(0).callback().secret().reveal()).isEqualTo("the-callback-key");
        assertThat(config.toString()).doesNotContain("the-callback-key");
        assertThat(config.summary()).contains("callbacks: 127.0.0.1:9500", "callbacks at /callbacks/volcengine/app-1");
    }

    @Test
    void givenNoCallbacksSection_whenParsed_thenOff_andAppsTakeNone() {
        RoomwatchConfig config = ConfigLoader.parse(MINIMAL, ENV);

        assertThat(config.callbacks()).isEqualTo(CallbacksConfig.defaults());
        assertThat(config.callbacks().enabled()).isFalse();
        assertThat(config.apps().get(0).callback().enabled()).isFalse();
    }

    @Test
    void givenMistakes_whenParsed_thenOneLineEach_namingTheKey() {
        assertThat(problems(WITH_SECRET + "callbacks: { enabled: yes-please, port: 70000, ackTimout: 3s }\n"))
                .containsExactly(
                        "callbacks.ackTimout: unknown key (did you mean ackTimeout?)",
                        "callbacks.enabled: 'yes-please' is not valid, expected true or false",
                        "callbacks.port: must be in [0, 65535], was 70000");
    }

    @Test
    void givenCallbacksOnButNoAppSecret_whenParsed_thenTheProblemSaysWhatToSet() {
        assertThat(problems(MINIMAL + "callbacks: { enabled: true }\n"))
                .singleElement()
                .asString()
                .contains("callbacks.enabled", "callback.secret");
    }

    private static List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, env()));
        assertThat(e).as("a problem is reported").isNotNull();
        return e.problems();
    }
}
