package io.roomwatch.config;

import static io.roomwatch.config.ConfigFixtures.ENV;
import static io.roomwatch.config.ConfigFixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.Provider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The declarations at work outside the loader: compact constructors, copies, and values the old binders mishandled. */
class SettingsTest {

    @Test
    void givenACheckCallMissingAComponent_whenConstructing_thenItFailsAtOnce() {
        assertThatThrownBy(() -> Settings.check(AdminConfig.class, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AdminConfig checks 1 values, it has 2 components");
        assertThatThrownBy(() -> Settings.check(AdminConfig.class, 9400, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in declaration order");
    }

    @Test
    void givenAValueOutOfItsDeclaredRange_whenConstructed_thenTheMessageNamesItInTheFileForm() {
        assertThatThrownBy(() -> new HttpSettings(Duration.ofSeconds(-5), Duration.ofSeconds(10), 8 << 20, 16))
                .hasMessage("connectTimeout: must be positive, was -5s");
        assertThatThrownBy(() -> PollConfig.defaults().withHotWeight(0)).hasMessage("hotWeight: must be >= 1, was 0");
    }

    @Test
    void givenACopy_whenMade_thenOnlyThatComponentChanges() {
        PollConfig poll = PollConfig.defaults().withSweepInterval(Duration.ofSeconds(5));

        assertThat(poll.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(poll.withSweepInterval(Duration.ofSeconds(10))).isEqualTo(PollConfig.defaults());
    }

    @Test
    void givenASizeBeyondItsComponentsType_whenParsed_thenTheRangeIsReported() {
        assertThat(ConfigProblemsTest.problems(MINIMAL + "    http: { maxBodyBytes: 4GiB }\n", ENV))
                .containsExactly("apps[0] (volcengine/app-1).http.maxBodyBytes: must be in [1KiB, 256MiB], was 4GiB");
    }

    @Test
    void givenAnUnknownRoute_whenParsed_thenItIsReportedOnceAsAnUnknownKey() {
        String yaml = MINIMAL.replace("127.0.0.1:9092", "127.0.0.1:9092\n  routes: { UserLeftt: leaves }");

        assertThat(ConfigProblemsTest.problems(yaml, ENV))
                .containsExactly("kafka.routes.UserLeftt: unknown key (did you mean UserLeft?)");
    }

    @Test
    void givenAConferenceAppWithAnEmptyPollSection_whenParsed_thenItsProviderDefaultApplies() {
        String yaml = MINIMAL.replace(
                "provider: volcengine\n    appId: app-1\n    accessKeyId: AKLTexample\n"
                        + "    secretAccessKey: ${VOLC_SECRET_ACCESS_KEY}",
                "provider: tencent-conference\n    sdkAppId: 1400000000\n    administrator: admin\n"
                        + "    secretKey: ${VOLC_SECRET_ACCESS_KEY}\n    region: china\n    rooms: a\n    poll: ~");

        assertThat(ConfigLoader.parse(yaml, ENV).apps().get(0).poll())
                .isEqualTo(PollConfig.defaultsFor(Provider.TENCENT_CONFERENCE));
    }
}
