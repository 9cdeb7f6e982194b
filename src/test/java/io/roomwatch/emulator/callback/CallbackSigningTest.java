package io.roomwatch.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.Vendor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback signatures against the COMPUTED vectors V4/V5 of vendor-apis.md, and the pure retry schedules. */
class CallbackSigningTest {

    @Test
    void volcengine_vectorV4() {
        String signature = CallbackSigning.volcengine(
                List.of(
                        "UserJoinRoom",
                        "{\"RoomId\":\"room1\",\"UserId\":\"u1\"}",
                        "2025-01-01T00:00:00.000000000Z",
                        "evt-1",
                        "app1",
                        "2020-12-01",
                        "1234"),
                "callbacksecret");

        assertThat(signature).isEqualTo("b59696427eb11bbeaed7d812d8c6cf5ed99422f1f8884f54f00665fe4a42a57a");
    }

    @Test
    void tencent_vectorV5() {
        assertThat(CallbackSigning.tencent("abc123token", 1703589922L))
                .isEqualTo("ff89148e95633115bc8e07968bee08e44b6d78cd388b7f797cdf88e3dff274bd");
    }

    /** Go's sort.Strings compares UTF-8 bytes: U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80), UTF-16 disagrees. */
    @Test
    void volcengine_sortsByUtf8Bytes_notUtf16Units() {
        String fullwidth = "\uFF21";
        String emoji = "\uD83D\uDE00";
        List<String> fields = List.of(emoji, fullwidth, "a", "b", "c", "d", "e");

        String byBytes = CallbackSigning.volcengine(fields, "k");

        assertThat(byBytes).isEqualTo(sha256Hex("abcdek" + fullwidth + emoji));
        assertThat(byBytes).isNotEqualTo(sha256Hex("abcdek" + emoji + fullwidth));
    }

    @Test
    void eventTime_isRfc3339UtcWithNanoseconds() {
        assertThat(VolcengineNotices.eventTime(1_735_689_600_123L)).isEqualTo("2025-01-01T00:00:00.123000000Z");
    }

    @Test
    void eventData_isTheRoomUserAndMillis_inThatOrder() {
        Change join = new Change(
                1, 1_735_689_600_123L, Vendor.VOLCENGINE, "app1", "room1", "c1", ChangeType.UserJoined, "u1");

        assertThat(VolcengineNotices.eventData(join, "u1"))
                .isEqualTo("{\"RoomId\":\"room1\",\"UserId\":\"u1\",\"Timestamp\":1735689600123}");
        assertThat(VolcengineNotices.eventData(join, null))
                .isEqualTo("{\"RoomId\":\"room1\",\"Timestamp\":1735689600123}");
    }

    @Test
    void retrySchedules() {
        long t0 = 1_000_000;
        assertThat(RetrySchedule.VOLCENGINE.nextDelayMillis(1, t0, t0)).isEqualTo(1000);
        assertThat(RetrySchedule.VOLCENGINE.nextDelayMillis(2, t0, t0 + 1000)).isEqualTo(2000);
        assertThat(RetrySchedule.VOLCENGINE.nextDelayMillis(3, t0, t0 + 3000)).isEqualTo(RetrySchedule.STOP);

        assertThat(RetrySchedule.TENCENT.nextDelayMillis(1, t0, t0)).isZero();
        assertThat(RetrySchedule.TENCENT.nextDelayMillis(2, t0, t0)).isEqualTo(10_000);
        assertThat(RetrySchedule.TENCENT.nextDelayMillis(3, t0, t0 + 10_300))
                .isEqualTo(9_700); // on the grid of the first
        assertThat(RetrySchedule.TENCENT.nextDelayMillis(7, t0, t0 + 50_000)).isEqualTo(10_000); // the 8th at +60 s
        assertThat(RetrySchedule.TENCENT.nextDelayMillis(8, t0, t0 + 60_000)).isEqualTo(RetrySchedule.STOP);
        assertThat(RetrySchedule.TENCENT.nextDelayMillis(4, t0, t0 + 45_000)).isZero(); // late already: at once

        assertThat(RetrySchedule.ONCE.nextDelayMillis(1, t0, t0)).isEqualTo(RetrySchedule.STOP);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
