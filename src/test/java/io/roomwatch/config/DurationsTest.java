package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void givenShortAndIsoForms_whenParsed_thenSameDurations() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10s")).isEqualTo(Durations.parse("PT10S"));
        assertThat(Durations.parse("5m")).isEqualTo(Durations.parse("pt5m"));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("7d")).isEqualTo(Durations.parse("P7D"));
        assertThat(Durations.parse("-5s")).isEqualTo(Duration.ofSeconds(-5));
    }

    @Test
    void givenNoUnitOrGarbage_whenParsed_thenNull() {
        assertThat(Durations.parse("10")).isNull();
        assertThat(Durations.parse("10 s")).isNull();
        assertThat(Durations.parse("ten seconds")).isNull();
        assertThat(Durations.parse("PTX")).isNull();
    }

    @Test
    void givenDurations_whenFormatted_thenShortestExactForm() {
        assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
        assertThat(Durations.format(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.humanize("must be positive, was PT-5S")).isEqualTo("must be positive, was -5s");
    }
}
