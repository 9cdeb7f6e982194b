package io.roomwatch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The problems found while loading one file, one line each, plus every secret value met on the way: {@link #lines()}
 * replaces those with {@code <redacted>}, whatever message they ended up in.
 */
final class Problems {

    static final String REDACTED = "<redacted>";

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

    /** {@code where.key}; either may be empty. */
    static String join(String where, String key) {
        return where.isEmpty() ? key : key.isEmpty() ? where : where + "." + key;
    }
}
