package io.roomwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One section of the configuration tree being bound, with its location for problem lines ({@code kafka}, {@code
 * apps[0] (volcengine/661e0000543cf).poll}). Every read resolves {@code ${...}}, parses the text and, on failure, adds
 * one problem naming the key and returns the default (or {@code null}), so binding goes on and finds every problem in
 * one pass. Values of secret keys are never quoted.
 */
final class Section {

    private static final int MAX_QUOTE = 60;

    private final ObjectNode node;
    private final String where;
    private final Problems problems;
    private final Placeholders env;

    Section(ObjectNode node, String where, Problems problems, Placeholders env) {
        this.node = node;
        this.where = where;
        this.problems = problems;
        this.env = env;
    }

    /** Where this section is, e.g. {@code apps[0] (volcengine/661e0000543cf).poll}. */
    String where() {
        return where;
    }

    String where(String key) {
        return Problems.join(where, key);
    }

    Problems problems() {
        return problems;
    }

    /** This section at another location (an app once its provider and id are known). */
    Section at(String location) {
        return new Section(node, location, problems, env);
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** Adds a problem for every key that {@code shape} does not list, suggesting a close one. */
    void checkKeys(Shape shape) {
        checkKeys(shape, shape, "");
    }

    /**
     * Like {@link #checkKeys(Shape)}; a key that {@code wider} lists (a setting of another provider's apps) gets
     * {@code elsewhere} as its problem.
     */
    void checkKeys(Shape shape, Shape wider, String elsewhere) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (shape.keys().containsKey(name)) {
                continue;
            }
            if (wider.keys().containsKey(name)) {
                problems.add(where(name), elsewhere);
            } else {
                problems.add(where(name), "unknown key" + Suggestions.suggest(name, shape));
            }
        }
    }

    /** The text of {@code key}, substituted, without reporting problems (they are reported when it is read). */
    @Nullable
    String peek(String key) {
        JsonNode child = node.get(key);
        return child != null && child.isTextual() ? env.resolve(child.asText(), where(key), new Problems()) : null;
    }

    /** A child section; empty when absent. */
    Section section(String key) {
        JsonNode child = node.get(key);
        if (child instanceof ObjectNode section) {
            return new Section(section, where(key), problems, env);
        }
        if (child != null && !child.isNull()) {
            problems.add(where(key), "expected a section of keys, was " + describe(child));
        }
        return new Section(JsonNodeFactory.instance.objectNode(), where(key), problems, env);
    }

    /** The sections of a list; empty when absent. */
    List<Section> sections(String key) {
        JsonNode child = node.get(key);
        List<Section> out = new ArrayList<>();
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isArray()) {
            problems.add(where(key), "expected a list, was " + describe(child));
            return out;
        }
        for (int i = 0; i < child.size(); i++) {
            String at = where(key) + "[" + i + "]";
            if (child.get(i) instanceof ObjectNode element) {
                out.add(new Section(element, at, problems, env));
            } else {
                problems.add(at, "expected a section of keys, was " + describe(child.get(i)));
            }
        }
        return out;
    }

    /** The text of {@code key} after {@code ${...}} substitution; {@code null} when absent or unresolvable. */
    @Nullable
    String text(String key) {
        return text(key, false);
    }

    String text(String key, String fallback) {
        String value = text(key);
        return value == null ? fallback : value;
    }

    /** Like {@link #text(String)}, adding a problem when absent. */
    @Nullable
    String required(String key) {
        if (!has(key)) {
            problems.add(where(key), "missing (required)");
            return null;
        }
        return text(key);
    }

    /** A credential: required, never quoted, remembered for redaction. */
    @Nullable
    Secret secret(String key) {
        if (!has(key)) {
            problems.add(where(key), "missing (required; e.g. " + key + ": ${" + envName(key) + "})");
            return null;
        }
        String value = text(key, true);
        if (value == null) {
            return null;
        }
        problems.secret(value);
        if (value.isEmpty()) {
            problems.add(where(key), "must not be empty");
            return null;
        }
        return Secret.of(value);
    }

    /** A whole number; {@code fallback} when absent or invalid. */
    long number(String key, long fallback, long min, long max) {
        return parsed(
                key,
                fallback,
                text -> {
                    try {
                        long value = Long.parseLong(text.trim());
                        return value < min || value > max ? null : value;
                    } catch (NumberFormatException e) {
                        return null;
                    }
                },
                "expected a whole number" + (max >= Integer.MAX_VALUE ? "" : " up to " + max));
    }

    int integer(String key, int fallback) {
        return (int) number(key, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    double decimal(String key, double fallback) {
        return parsed(
                key,
                fallback,
                text -> {
                    try {
                        return Double.parseDouble(text.trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                },
                "expected a number");
    }

    Duration duration(String key, Duration fallback) {
        return parsed(key, fallback, Durations::parse, Durations.EXPECTED);
    }

    @Nullable
    Duration duration(String key) {
        return has(key) ? duration(key, Duration.ZERO) : null;
    }

    /** A size in bytes: {@code 8388608}, {@code 8MiB}, {@code 512KiB}, {@code 1GiB}. */
    long bytes(String key, long fallback) {
        return parsed(key, fallback, Suggestions::bytes, "expected a size in bytes such as 1048576, 512KiB or 8MiB");
    }

    @Nullable
    URI url(String key) {
        return parsed(
                key,
                null,
                text -> {
                    try {
                        return new URI(text.trim());
                    } catch (URISyntaxException e) {
                        return null;
                    }
                },
                "expected a URL such as https://host:port");
    }

    /** One of {@code values} (keys matched case-insensitively); {@code fallback} when absent or unknown. */
    <E> E choice(String key, Map<String, E> values, E fallback) {
        String text = text(key);
        if (text == null) {
            return fallback;
        }
        for (Map.Entry<String, E> value : values.entrySet()) {
            if (value.getKey().equalsIgnoreCase(text.trim())) {
                return value.getValue();
            }
        }
        problems.add(
                where(key), "unknown value " + quote(text) + ", expected " + Suggestions.alternatives(values.keySet()));
        return fallback;
    }

    /** A list of texts, also written as one comma-separated text (handy in environment overrides). */
    List<String> texts(String key) {
        JsonNode child = node.get(key);
        List<String> out = new ArrayList<>();
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isArray()) {
            String all = text(key);
            if (all != null) {
                for (String part : all.split(",", -1)) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        for (int i = 0; i < child.size(); i++) {
            String at = where(key) + "[" + i + "]";
            JsonNode element = child.get(i);
            String value = element.isTextual() ? env.resolve(element.asText(), at, problems) : null;
            if (value != null) {
                out.add(value);
            } else if (!element.isTextual()) {
                problems.add(at, "expected a value, was " + describe(element));
            }
        }
        return out;
    }

    /** Every key of this section with its text value, in file order; values of {@code secret} keys are redacted. */
    Map<String, String> properties(Predicate<String> secret) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(key -> {
            String value = text(key, secret.test(key));
            if (value != null) {
                if (secret.test(key)) {
                    problems.secret(value);
                }
                out.put(key, value);
            }
        });
        return out;
    }

    /** {@code 'value'} for a problem line, shortened. */
    static String quote(String value) {
        return "'" + (value.length() > MAX_QUOTE ? value.substring(0, MAX_QUOTE) + "..." : value) + "'";
    }

    private @Nullable String text(String key, boolean secret) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isTextual()) {
            problems.add(where(key), "expected a value, was " + (secret ? "a list or section" : describe(child)));
            return null;
        }
        return env.resolve(child.asText(), where(key), problems);
    }

    private <T> T parsed(String key, T fallback, Function<String, @Nullable T> parser, String expected) {
        String text = text(key);
        if (text == null) {
            return fallback;
        }
        T value = parser.apply(text);
        if (value == null) {
            problems.add(where(key), quote(text) + " is not valid, " + expected);
            return fallback;
        }
        return value;
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "a list" : node.isObject() ? "a section" : quote(node.asText());
    }

    private static String envName(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
