package io.roomwatch.config;

import java.util.Comparator;
import java.util.Locale;

/** Which key was meant: "did you mean" for unknown keys of the file and of overrides. */
final class Suggestions {

    private Suggestions() {}

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
}
