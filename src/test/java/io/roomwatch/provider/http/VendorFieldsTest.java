package io.roomwatch.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression for issue 14 (kind 6): what counts as an id, a count, a flag, a cursor. */
class VendorFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "null", "42", "true", "{}", "[\"a\"]", "\"a\\u0000b\"", "\"a\\nb\""})
    void givenSomethingThatIsNotAnId_whenRead_thenNull(String json) throws Exception {
        assertThat(VendorFields.id(node(json))).isNull();
    }

    @Test
    void givenIds_whenRead_thenAsGiven() throws Exception {
        assertThat(VendorFields.id(node("\"alice\""))).isEqualTo("alice");
        assertThat(VendorFields.id(node("\"u@x.com-1_2\""))).isEqualTo("u@x.com-1_2");
        assertThat(VendorFields.id(node("\"李雷\""))).isEqualTo("李雷");
        assertThat(VendorFields.id(null)).isNull();
    }

    @Test
    void givenCountsFlagsAndCursors_whenRead_thenTolerantOfStringsAndNumbers() throws Exception {
        assertThat(VendorFields.whole(node("12"))).isEqualTo(12L);
        assertThat(VendorFields.whole(node("\" 12 \""))).isEqualTo(12L);
        assertThat(VendorFields.whole(node("\"twelve\""))).isNull();
        assertThat(VendorFields.whole(node("1.5"))).isNull();
        assertThat(VendorFields.flag(node("\"TRUE\""))).isTrue();
        assertThat(VendorFields.flag(node("false"))).isFalse();
        assertThat(VendorFields.flag(node("1"))).isNull();
        assertThat(VendorFields.cursor(node("\"abc\""))).isEqualTo("abc");
        assertThat(VendorFields.cursor(node("7"))).isEqualTo("7");
        assertThat(VendorFields.cursor(node("null"))).isNull();
        assertThat(VendorFields.cursor(null)).isNull();
    }

    private static JsonNode node(String json) throws Exception {
        return JSON.readTree(json);
    }
}
