package io.roomwatch.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.provider.AnswerFlaw;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one tolerant reader of vendor times, used for every time field of every API:
 *
 * <ul>
 *   <li>RFC 3339 date-times with any offset spelling: {@code Z} or {@code z}, {@code +08:00}, {@code +0800}, {@code
 *       +08}; {@code T}, {@code t} or a space between date and time; fractional seconds of any length (cut to
 *       nanoseconds); a leap second {@code :60} read as the end of second 59. A date-time without an offset is
 *       ambiguous and is not read;
 *   <li>unix times: a JSON number or a numeric string, in seconds; values above {@code 10^11} (no second count
 *       reaches that before the year 5000) are taken as milliseconds; fractions are cut;
 *   <li>absent: a missing field, JSON null, or an empty or blank string (Volcengine {@code DestroyTime} of a running
 *       call).
 * </ul>
 *
 * A value that is present but unreadable (or not after the epoch) is treated as absent, with a counted warning:
 * times are advisory and never stop anything.
 */
public final class VendorTimes {

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})"
            + "(?:[.,](\\d+))?\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]*)?");
    private static final long MILLIS_ABOVE = 100_000_000_000L;

    private VendorTimes() {}

    /**
     * {@code node} read as an instant; null when absent, or when unreadable (then {@code flaws} counts and logs a
     * warning naming {@code field}).
     */
    public static @Nullable Instant read(@Nullable JsonNode node, String field, Flaws flaws) {
        if (VendorFields.absent(node)) {
            return null;
        }
        Instant parsed = parse(node);
        if (parsed == null) {
            flaws.report(AnswerFlaw.BAD_TIME, field + " " + Flaws.quote(node) + " is not a time; used as absent");
        }
        return parsed;
    }

    /** {@code node} as an instant, or null when it is absent or unreadable (no warning: the caller decides). */
    public static @Nullable Instant parse(JsonNode node) {
        if (node.isNumber()) {
            return epoch(node.decimalValue());
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.textValue().trim();
        if (NUMBER.matcher(text).matches()) {
            return epoch(new BigDecimal(text));
        }
        Matcher m = DATE_TIME.matcher(text);
        return m.matches() ? dateTime(m) : null;
    }

    private static @Nullable Instant epoch(BigDecimal value) {
        if (value.signum() <= 0) {
            return null;
        }
        try {
            long whole = value.longValue();
            return whole >= MILLIS_ABOVE ? Instant.ofEpochMilli(whole) : Instant.ofEpochSecond(whole);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static @Nullable Instant dateTime(Matcher m) {
        try {
            int second = Integer.parseInt(m.group(6));
            int nanos = nanos(m.group(7));
            if (second == 60) { // a leap second: the last instant of second 59
                second = 59;
                nanos = 999_999_999;
            }
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    second,
                    nanos);
            return local.toInstant(offset(m.group(8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int nanos(@Nullable String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = fraction.length() >= 9 ? fraction.substring(0, 9) : fraction + "0".repeat(9 - fraction.length());
        return Integer.parseInt(nine);
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
