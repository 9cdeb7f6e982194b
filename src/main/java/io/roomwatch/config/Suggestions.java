package io.roomwatch.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Wording and parsing shared by the binders: what was expected, which key was meant, sizes in bytes. */
final class Suggestions {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(B|KiB|MiB|GiB)?");

    private Suggestions() {}

    /** {@code a or b}, or {@code one of a, b, c}. */
    static String alternatives(Collection<String> values) {
        List<String> all = new ArrayList<>(values);
        if (all.size() == 2) {
            return all.get(0) + " or " + all.get(1);
        }
        return "one of " + String.join(", ", all);
    }

    /** {@code " (did you mean key?)"} for a close key of {@code shape}, else {@code ", expected one of ..."}. */
    static String suggest(String name, Shape shape) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return shape.keys().keySet().stream()
                .filter(key -> distance(key.toLowerCase(Locale.ROOT), wanted) <= 2)
                .min(Comparator.comparingInt(key -> distance(key.toLowerCase(Locale.ROOT), wanted)))
                .map(key -> " (did you mean " + key + "?)")
                .orElse(", expected one of " + String.join(", ", shape.keys().keySet()));
    }

    /** Levenshtein distance (typos: a letter missing, extra or changed counts 1, two swapped 2). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Bytes of {@code 1048576}, {@code 512KiB}, {@code 8MiB}, {@code 1GiB}; {@code null} if not a size. */
    static @Nullable Long bytes(String text) {
        Matcher size = SIZE.matcher(text.trim());
        if (!size.matches()) {
            return null;
        }
        long amount = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "B" : size.group(2);
        int shift = "B".equals(unit) ? 0 : "KiB".equals(unit) ? 10 : "MiB".equals(unit) ? 20 : 30;
        return amount > (Long.MAX_VALUE >> shift) ? null : amount << shift;
    }
}
