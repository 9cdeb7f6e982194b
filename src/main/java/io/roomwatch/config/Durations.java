package io.roomwatch.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Durations as written in the configuration file and on the command line: {@code 500ms}, {@code 10s}, {@code 5m},
 * {@code 1h}, {@code 7d}, or ISO-8601 {@code PT10S}.
 */
public final class Durations {

    /** What a duration may look like, for error messages. */
    public static final String EXPECTED = "expected e.g. 500ms, 10s, 5m, 1h, 7d or ISO-8601 PT10S";

    private static final Pattern SHORT = Pattern.compile("(-?\\d{1,12})(ms|s|m|h|d)");
    private static final Pattern ISO_IN_TEXT = Pattern.compile("-?PT[-0-9.HMS]+");

    private Durations() {}

    /** The duration {@code text} denotes, or {@code null} if it is neither the short form nor ISO-8601. */
    public static @Nullable Duration parse(String text) {
        String trimmed = text.trim();
        Matcher shortForm = SHORT.matcher(trimmed);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            switch (shortForm.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("P") || upper.startsWith("-P")) {
            try {
                return Duration.parse(upper);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The short form where it is exact ({@code 10s}, {@code 7d}, {@code -5s}, {@code 200ms}), else ISO-8601. */
    static String format(Duration value) {
        if (value.isNegative()) {
            return "-" + format(value.negated());
        }
        if (value.getNano() % 1_000_000 != 0) {
            return value.toString();
        }
        if (value.getNano() != 0) {
            return value.toMillis() + "ms";
        }
        long seconds = value.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** {@code text} with every ISO-8601 duration ({@code PT-5S}, as records print them) in the short form. */
    static String humanize(String text) {
        Matcher iso = ISO_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (iso.find()) {
            Duration parsed = parse(iso.group());
            iso.appendReplacement(out, Matcher.quoteReplacement(parsed == null ? iso.group() : format(parsed)));
        }
        iso.appendTail(out);
        return out.toString();
    }
}
