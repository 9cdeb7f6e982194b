package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

    private final VolcengineSource volc = VolcengineSource.of("app-1", "AKLT1", Secret.of("s3cr3t"));
    private final TencentAccount account = TencentAccount.of(1400000001L, "admin", Secret.of("k3y"), "singapore");

    @Test
    void givenSecrets_whenPrinted_thenMaskedEverywhere() {
        assertThat(Secret.of("s3cr3t")).hasToString("***");
        assertThat(volc.toString()).doesNotContain("s3cr3t");
        assertThat(TencentLiveSource.of(account).toString()).doesNotContain("k3y");
        assertThatThrownBy(() -> Secret.of("")).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void givenDefaults_whenCreated_thenDocumentedLimitsAndApps() {
        assertThat(volc.listRoomInfoQps()).isEqualTo(60);
        assertThat(volc.onlineUsersQps()).isEqualTo(40);
        assertThat(volc.app()).isEqualTo(AppKey.of(Provider.VOLCENGINE, "app-1"));
        TencentLiveSource live = TencentLiveSource.of(account);
        assertThat(List.of(live.roomListQps(), live.roomInfoQps(), live.memberListQps()))
                .containsExactly(10, 200, 200);
        assertThat(live.app()).isEqualTo(AppKey.of(Provider.TENCENT_LIVE, "1400000001"));
        TencentConferenceSource conf = TencentConferenceSource.of(account, List.of("r1"));
        assertThat(conf.memberPageSize()).isEqualTo(50);
        assertThat(conf.app().provider()).isEqualTo(Provider.TENCENT_CONFERENCE);
    }

    @Test
    void givenQpsAboveTheDocumentedLimit_whenConfiguring_thenRejectedNamingTheField() {
        assertThatThrownBy(() -> Settings.with(volc, "listRoomInfoQps", 61)).hasMessageContaining("listRoomInfoQps");
        assertThatThrownBy(() -> Settings.with(TencentLiveSource.of(account), "roomListQps", 11))
                .hasMessageContaining("roomListQps");
        assertThat(Settings.with(volc, "listRoomInfoQps", 5).listRoomInfoQps()).isEqualTo(5);
        assertThat(volc.listRoomInfoQps()).isEqualTo(60); // copies, never mutation
    }

    @Test
    void givenInvalidValues_whenConfiguring_thenClearErrors() {
        assertThatThrownBy(() -> volc.withBaseUrl(URI.create("ftp://x"))).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> TencentConferenceSource.of(account, List.of())).hasMessageContaining("roomIds");
        assertThatThrownBy(() -> TencentConferenceSource.of(account, List.of("a", "a")))
                .hasMessageContaining("roomIds");
        assertThatThrownBy(() -> Settings.with(account, "userSigValidity", Duration.ofSeconds(1)))
                .hasMessageContaining("userSig");
        assertThatThrownBy(() -> HttpSettings.defaults().withMaxBodyBytes(10)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> Settings.with(RetrySettings.defaults(), "jitter", 2.0))
                .hasMessageContaining("jitter");
    }
}
