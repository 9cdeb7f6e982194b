package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.roomwatch.provider.tencent.TencentRegion;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The configuration's region names agree with the clients' (config cannot depend on provider.tencent). */
class RegionsTest {

    @Test
    void givenEveryTencentRegionOfTheClient_whenChecked_thenConfigurationKnowsItsCanonicalName() {
        assertThat(Regions.tencentNames())
                .containsExactlyElementsOf(Arrays.stream(TencentRegion.values())
                        .map(region -> region.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toList());
    }

    @Test
    void givenEveryNameAndAliasTheConfigurationAccepts_whenResolvedByTheClient_thenItResolves() {
        Regions.TENCENT.stream().flatMap(names -> names.stream()).forEach(name -> assertThatCode(
                        () -> TencentRegion.fromName(name))
                .doesNotThrowAnyException());
        assertThat(Regions.isTencent("SGP")).isTrue();
        assertThat(Regions.isTencent("china_backup")).isTrue();
        assertThat(Regions.isTencent("mars")).isFalse();
    }
}
