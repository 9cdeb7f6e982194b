package io.roomwatch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The problems found while loading one file, one line each, plus every secret value met on the way: {@link #lines()}
 * replaces those with {@code <redacted>}, whatever message they ended up in.
 */
final class Problems {

    static final String REDACTED = "<redacted>";

    /** A record's message: its leading word names the field ({@code sweepInterval must be positive, was PT-5S}). */
    private static final Pattern FIELD_FIRST = Pattern.compile("([A-Za-z]+)(?:\\[])?:?\\s+(.*)", Pattern.DOTALL);

    private final List<String> lines = new ArrayList<>();
    private final TreeSet<String> secrets =
            new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    /** Records a problem at {@code where} (a location such as {@code kafka.delivery}). */
    void add(String where, String problem) {
        lines.add(where.isEmpty() ? problem : where + ": " + problem);
    }

    /** Remembers a secret value so that it is redacted from every line. */
    void secret(String value) {
        if (!value.isEmpty()) {
            secrets.add(value);
        }
    }

    int count() {
        return lines.size();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The lines found so far, single-line, secrets redacted. */
    List<String> lines() {
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(line -> out.add(redact(line.replaceAll("\\s*\\R\\s*", " "))));
        return out;
    }

    /** {@code text} with every remembered secret replaced. */
    String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }

    /**
     * Builds a record, turning its {@link IllegalArgumentException} into a problem line at the configuration key of the
     * field the message starts with.
     *
     * @param where the location of the section the record is built from
     * @param keys record field name to configuration key (relative to {@code where}) where they differ
     * @return the record, or {@code null} if it rejected its arguments
     */
    <T> @Nullable T build(String where, Map<String, String> keys, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = String.valueOf(e.getMessage());
            if (message.matches("[a-z][A-Za-z]*")) { // Objects.requireNonNull(value, "field")
                add(join(where, keys.getOrDefault(message, message)), "missing (required)");
                return null;
            }
            Matcher field = FIELD_FIRST.matcher(message);
            if (field.matches() && Character.isLowerCase(message.charAt(0))) {
                String key = keys.getOrDefault(field.group(1), field.group(1));
                add(join(where, key), Durations.humanize(field.group(2)));
            } else {
                add(where, Durations.humanize(message));
            }
            return null;
        }
    }

    static String join(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }
}
