package io.roomwatch.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.budget.RateBudget;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Regression for issue 14 (kind 3): every vendor time spelling we have met, or can expect, is read. */
class VendorTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RateBudget budget = RateBudget.create(
            AppKey.of(Provider.VOLCENGINE, "app-1"), "ListRoomInfo", 1, VirtualTimeScheduler.create());
    private final Flaws flaws = Flaws.of(budget);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"2026-12-01T07:08:28+08:00\"          | 2026-11-30T23:08:28Z",
                "\"2026-12-01T07:08:28+0800\"           | 2026-11-30T23:08:28Z",
                "\"2026-12-01T07:08:28+08\"             | 2026-11-30T23:08:28Z",
                "\"2026-12-01T07:08:28-0530\"           | 2026-12-01T12:38:28Z",
                "\"2026-12-01T07:08:28Z\"               | 2026-12-01T07:08:28Z",
                "\"2026-12-01t07:08:28z\"               | 2026-12-01T07:08:28Z",
                "\"2026-12-01 07:08:28+08:00\"          | 2026-11-30T23:08:28Z",
                "\"2026-12-01T07:08:28.5+08:00\"        | 2026-11-30T23:08:28.500Z",
                "\"2026-12-01T07:08:28.123456789012Z\"  | 2026-12-01T07:08:28.123456789Z",
                "\"2026-12-01T07:08:28.000000000+0000\" | 2026-12-01T07:08:28Z",
                "\"2016-12-31T23:59:60Z\"               | 2016-12-31T23:59:59.999999999Z",
                "1693271354                             | 2023-08-29T01:09:14Z",
                "\"1693271354\"                         | 2023-08-29T01:09:14Z",
                "\" 1693271354 \"                       | 2023-08-29T01:09:14Z",
                "1693271354.75                          | 2023-08-29T01:09:14Z",
                "1693271354123                          | 2023-08-29T01:09:14.123Z"
            })
    void givenAVendorTime_whenRead_thenTheInstant(String json, String expected) throws Exception {
        assertThat(VendorTimes.read(node(json), "CreateTime", flaws)).isEqualTo(Instant.parse(expected));
        assertThat(budget.flaws(AnswerFlaw.BAD_TIME)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"  \"", "null"})
    void givenAnAbsentTime_whenRead_thenNullAndNoWarning(String json) throws Exception {
        assertThat(VendorTimes.read(node(json), "DestroyTime", flaws)).isNull();
        assertThat(VendorTimes.read(null, "DestroyTime", flaws)).isNull();
        assertThat(budget.flaws(AnswerFlaw.BAD_TIME)).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"yesterday\"",
                "\"2026-12-01T07:08:28\"",
                "\"2026-13-01T07:08:28Z\"",
                "\"2026-12-01T07:08:28+25:00\"",
                "0",
                "-5",
                "\"0\"",
                "true",
                "{\"t\":1}",
                "[1]"
            })
    void givenAnUnreadableTime_whenRead_thenAbsentWithACountedWarning(String json) throws Exception {
        assertThat(VendorTimes.read(node(json), "CreateTime", flaws)).isNull();
        assertThat(budget.flaws(AnswerFlaw.BAD_TIME)).isEqualTo(1);
    }

    private static JsonNode node(String json) throws Exception {
        return JSON.readTree(json);
    }
}
