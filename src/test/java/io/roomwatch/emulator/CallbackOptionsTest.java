package io.roomwatch.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The callback options: off by default, validated, copy-on-write, and never printing a secret. */
class CallbackOptionsTest {

    @Test
    void off_byDefault_inEveryFactory() {
        assertThat(EmulatorConfig.demo().callbacks().enabled()).isFalse();
        assertThat(EmulatorConfig.of(java.util.List.of(), java.util.List.of()).callbacks())
                .isEqualTo(CallbackOptions.off());
        CallbackOptions off = CallbackOptions.off();
        assertThat(off.maxInFlight()).isEqualTo(256);
        assertThat(off.conferenceSigned()).isTrue();
        assertThat(off.noce()).isFalse();
        assertThat(off.volcengineRoomCreate()).isFalse();
        assertThat(off.liveMemberCommand()).isEqualTo("Live.CallbackAfterMemberStateChanged");
    }

    @Test
    void toString_hidesKeysAndTokens() {
        CallbackOptions options = CallbackOptions.to("http://127.0.0.1:8091/callbacks/")
                .withVolcengineKey("app1", "volc-secret-key")
                .withTencentToken(1400000001L, "tencent-secret-token");
        EmulatorConfig config = EmulatorConfig.demo().withCallbacks(options);

        assertThat(options.target()).isEqualTo("http://127.0.0.1:8091/callbacks");
        assertThat(options.toString())
                .contains("app1", "1400000001")
                .doesNotContain("volc-secret-key", "tencent-secret-token");
        assertThat(config.toString()).doesNotContain("volc-secret-key", "tencent-secret-token");
        assertThat(options.volcengineKey("app1")).isEqualTo("volc-secret-key");
        assertThat(options.volcengineKey("other")).isEqualTo(EmulatorConfig.DEMO_VOLCENGINE_CALLBACK_KEY);
        assertThat(options.tencentToken(7)).isEqualTo(EmulatorConfig.DEMO_TENCENT_CALLBACK_TOKEN);
    }

    @Test
    void validates() {
        CallbackOptions off = CallbackOptions.off();
        assertThatThrownBy(() -> off.withTarget("ftp://x/y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> off.withTarget("http://h/cb?x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> off.withFaults(1.5, 0, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> off.withFaults(0, 0, Duration.ofMillis(-1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> off.withLiveMemberCommand("Live.Other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> off.withMaxInFlight(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> off.withVolcengineKey("a", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
