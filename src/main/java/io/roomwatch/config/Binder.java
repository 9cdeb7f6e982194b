package io.roomwatch.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.config.Settings.Declared;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds one part of the file (the {@code kafka} section, one app, ...) to its record in two steps, so that every
 * problem is found in one pass. First the part is checked against the records' declarations ({@link Setting}), value by
 * value: {@code ${...}} resolved, each value parsed and checked, defaults filled in. That gives the tree Jackson binds,
 * keyed by the records' components. Then Jackson binds it into the records, whose constructors check the rules between
 * values. Unknown keys and sections that are not sections are {@link #checkKeys found before}; here such a section
 * reads as empty.
 */
final class Binder {

    /** A record's message that names a field first: {@code maxBackoff must be >= firstBackoff ...}. */
    private static final Pattern FIELD_FIRST =
            Pattern.compile("([a-z][A-Za-z]*)(?:\\[])?(?:\\.([^:\\s]+))?:?(?:\\s+(.*))?", Pattern.DOTALL);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Problems problems;
    private final Placeholders env;

    Binder(Problems problems, Placeholders env) {
        this.problems = problems;
        this.env = env;
    }

    /**
     * The record of {@code type} in {@code section}, or {@code null} after adding its problems.
     *
     * @param section the part of the file; absent: every setting at its default
     * @param where where the part is, for problem lines: {@code kafka}, {@code apps[0] (volcengine/661e0000543cf)}
     */
    <R extends Record> @Nullable R bind(Class<R> type, @Nullable JsonNode section, String where) {
        ObjectNode checked = record(type, section, where);
        if (checked == null) {
            return null;
        }
        try {
            return Values.MAPPER.treeToValue(checked, type);
        } catch (ValueInstantiationException e) {
            rejected(type, where, e);
        } catch (JacksonException e) { // not expected: every value was checked
            problems.add(
                    where,
                    "cannot be bound: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return null;
    }

    /**
     * Adds a problem for every key of {@code node} that {@code shape} does not have (suggesting a close one), and for
     * a section that is not one. A key that {@code wider} has gets {@code elsewhere} as its problem (a setting of
     * another provider's apps). Lists and values are left to {@link #bind}.
     */
    void checkKeys(Shape shape, JsonNode node, String where, Shape wider, String elsewhere) {
        if (!(node instanceof ObjectNode section)) {
            if (!node.isNull()) {
                problems.add(where, "expected a section of keys, was " + Values.describe(node));
            }
            return;
        }
        section.properties().forEach(field -> {
            String at = Problems.join(where, field.getKey());
            Shape child = shape.keys().get(field.getKey());
            if (child == null) {
                problems.add(
                        at,
                        wider.keys().containsKey(field.getKey())
                                ? elsewhere
                                : "unknown key" + Suggestions.suggest(field.getKey(), shape));
            } else if (child.kind() == Shape.Kind.SECTION) {
                checkKeys(child, field.getValue(), at, child, "");
            }
        });
    }

    /** The record of the sealed {@code type} that an app's {@code provider} names, or {@code null} after a problem. */
    @Nullable
    Class<? extends Record> source(Class<?> type, ObjectNode app, String where) {
        Map<String, Class<? extends Record>> sources = sources(type);
        JsonNode provider = app.get(discriminator(type));
        String at = Problems.join(where, discriminator(type));
        if (provider == null || provider.isNull()) {
            List<String> names = new ArrayList<>(sources.keySet());
            String last = names.remove(names.size() - 1);
            problems.add(at, "missing (required: " + String.join(", ", names) + " or " + last + ")");
            return null;
        }
        String name = provider.isTextual() ? env.resolve(provider.asText(), at, problems) : null;
        if (!provider.isTextual()) {
            problems.add(at, "expected a value, was " + Values.describe(provider));
        }
        if (name == null) {
            return null;
        }
        Class<? extends Record> source = sources.get(name.trim().toLowerCase(Locale.ROOT));
        if (source == null) {
            problems.add(
                    at,
                    "unknown value " + Values.quote(name) + ", expected "
                            + Values.alternatives(new ArrayList<>(sources.keySet())));
        }
        return source;
    }

    /** The text of a value, {@code ${...}} resolved, without reporting problems (they are reported when bound). */
    @Nullable
    String peek(ObjectNode section, String key) {
        JsonNode value = section.get(key);
        return value != null && value.isTextual() ? env.resolve(value.asText(), key, new Problems()) : null;
    }

    /** The key that says which record of the sealed {@code type} a section is: {@code provider}. */
    static String discriminator(Class<?> type) {
        return type.getAnnotation(JsonTypeInfo.class).property();
    }

    /** The providers' names of the records of a sealed interface ({@code @JsonTypeName}), in declaration order. */
    static Map<String, Class<? extends Record>> sources(Class<?> type) {
        Map<String, Class<? extends Record>> out = new LinkedHashMap<>();
        Arrays.stream(type.getPermittedSubclasses())
                .forEach(record ->
                        out.put(record.getAnnotation(JsonTypeName.class).value(), record.asSubclass(Record.class)));
        return out;
    }

    private @Nullable ObjectNode record(Class<? extends Record> type, @Nullable JsonNode section, String where) {
        ObjectNode in = section instanceof ObjectNode object ? object : NODES.objectNode();
        ObjectNode out = NODES.objectNode();
        boolean valid = true;
        for (Declared d : Settings.of(type).all()) {
            JsonNode value = component(d, in, where);
            if (value == null) {
                valid = false;
            } else {
                out.set(d.name(), value);
            }
        }
        return valid ? out : null;
    }

    private @Nullable JsonNode component(Declared d, ObjectNode in, String where) {
        String at = Problems.join(where, d.key());
        switch (d.kind()) {
            case SECTION:
                Class<? extends Record> type = d.type().asSubclass(Record.class);
                return d.inline() ? record(type, in, where) : record(type, find(in, d.key()), at);
            case SOURCE:
                Class<? extends Record> source = sources(d.type())
                        .get(String.valueOf(peek(in, discriminator(d.type())))
                                .trim()
                                .toLowerCase(Locale.ROOT));
                ObjectNode checked = source == null ? null : record(source, in, where);
                return checked == null
                        ? null
                        : checked.put(
                                discriminator(d.type()),
                                source.getAnnotation(JsonTypeName.class).value());
            case SECTIONS:
                throw new IllegalStateException("lists of sections are bound entry by entry: " + d.name());
            default:
                return value(d, find(in, d.key()), at);
        }
    }

    private @Nullable JsonNode value(Declared d, @Nullable JsonNode raw, String where) {
        JsonNode node = raw;
        if (node == null || node.isNull()) {
            String declared = d.setting().value();
            if (declared.equals(Setting.OPTIONAL)) {
                return NODES.nullNode();
            }
            if (declared.equals(Setting.REQUIRED)) {
                problems.add(where, missing(d));
                return null;
            }
            if (d.kind() == Settings.Kind.MAP) {
                return NODES.objectNode();
            }
            node = NODES.textNode(declared); // a default is read like a value of the file
        }
        if (d.kind() == Settings.Kind.MAP) {
            return map(d, node, where);
        }
        if (d.kind() == Settings.Kind.TEXTS || node.isArray() && d.setting().list()) {
            ArrayNode texts = texts(node, where);
            return texts == null || d.kind() == Settings.Kind.TEXTS ? texts : parsed(d, join(texts), where);
        }
        return scalar(d, node, where);
    }

    private @Nullable JsonNode scalar(Declared d, JsonNode node, String where) {
        boolean secret = d.type() == Secret.class;
        if (!node.isTextual()) {
            problems.add(where, "expected a value, was " + (secret ? "a list or section" : Values.describe(node)));
            return null;
        }
        String text = env.resolve(node.asText(), where, problems);
        if (text == null) {
            return null;
        }
        if (secret) {
            problems.secret(text);
            if (text.isEmpty()) {
                problems.add(where, "must not be empty");
                return null;
            }
            return NODES.textNode(text);
        }
        return parsed(d, text, where);
    }

    /** The value {@code text} denotes for {@code d}, checked, as Jackson is to bind it. */
    private @Nullable JsonNode parsed(Declared d, String text, String where) {
        // sizes are checked as long, before they are narrowed to the component's type
        Object value = d.setting().bytes() ? Values.bytes(text) : Values.parse(d.type(), false, text);
        if (value == null) {
            String expected = Values.expected(d.type(), d.setting().bytes());
            problems.add(
                    where,
                    (d.type().isEnum()
                                    ? "unknown value " + Values.quote(text) + ", "
                                    : Values.quote(text) + " is not valid, ")
                            + expected);
            return null;
        }
        if (!checked(d, value, where)) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        }
        return d.setting().bytes() ? NODES.numberNode(((Number) value).longValue()) : NODES.textNode(text);
    }

    /** A list of texts, also written as one comma-separated text (handy in environment overrides). */
    private @Nullable ArrayNode texts(JsonNode node, String where) {
        ArrayNode out = NODES.arrayNode();
        if (node.isTextual()) {
            String all = env.resolve(node.asText(), where, problems);
            if (all == null) {
                return null;
            }
            Arrays.stream(all.split(",", -1)).map(String::trim).forEach(out::add);
            return out;
        }
        if (!node.isArray()) {
            problems.add(where, "expected a list, was " + Values.describe(node));
            return null;
        }
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            String at = where + "[" + i + "]";
            JsonNode element = node.get(i);
            String text = element.isTextual() ? env.resolve(element.asText(), at, problems) : null;
            if (!element.isTextual()) {
                problems.add(at, "expected a value, was " + Values.describe(element));
            }
            valid &= text != null;
            if (text != null) {
                out.add(text);
            }
        }
        return valid ? out : null;
    }

    /** A section of free keys with text values; values of secret-looking keys are secrets. */
    private @Nullable JsonNode map(Declared d, JsonNode node, String where) {
        if (!(node instanceof ObjectNode section)) {
            problems.add(where, "expected a section of keys, was " + Values.describe(node));
            return null;
        }
        ObjectNode out = NODES.objectNode();
        Map<String, String> values = new LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            boolean secret = KafkaSinkConfig.isSecret(key);
            if (value.isNull() || d.argument().isEnum() && Values.constant(d.argument(), key) == null) {
                continue; // an unknown key of a map with fixed keys was reported with the other unknown keys
            }
            String text = null;
            if (value.isTextual()) {
                text = env.resolve(value.asText(), Problems.join(where, key), problems);
            } else {
                problems.add(
                        Problems.join(where, key),
                        "expected a value, was " + (secret ? "a list or section" : Values.describe(value)));
            }
            if (text == null) {
                valid = false;
                continue;
            }
            if (secret) {
                problems.secret(text);
            }
            values.put(key, text);
            out.put(key, text);
        }
        return valid && checked(d, values, where) ? out : null;
    }

    private boolean checked(Declared d, Object value, String where) {
        int before = problems.count();
        d.problems(value, (key, problem) -> problems.add(Problems.join(where, key), problem));
        return problems.count() == before;
    }

    /**
     * A record refused what Jackson gave its constructor (a rule between values): the problem is at the key of the
     * component its message starts with, if it names one.
     */
    private void rejected(Class<?> type, String where, ValueInstantiationException e) {
        String at = where;
        Class<?> record = type;
        for (JsonMappingException.Reference reference : e.getPath()) {
            Object from = reference.getFrom();
            Class<?> owner = from instanceof Class<?> c ? c : from == null ? record : from.getClass();
            if (reference.getFieldName() == null || !owner.isRecord()) {
                continue;
            }
            Declared d = Settings.of(owner.asSubclass(Record.class)).get(reference.getFieldName());
            at = d.inline() ? at : Problems.join(at, d.key());
        }
        record = e.getType().getRawClass();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        Matcher field = FIELD_FIRST.matcher(message);
        Declared named = field.matches() && record.isRecord() ? declared(record, field.group(1)) : null;
        if (named == null) {
            problems.add(at, Durations.humanize(message));
            return;
        }
        String key = Problems.join(
                Problems.join(at, named.inline() ? "" : named.key()), Objects.toString(field.group(2), ""));
        // a message of just the name: Objects.requireNonNull(value, "name")
        problems.add(key, field.group(3) == null ? "missing (required)" : Durations.humanize(field.group(3)));
    }

    private static @Nullable Declared declared(Class<?> record, String name) {
        return Settings.of(record.asSubclass(Record.class)).all().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The node at a key or dotted path of {@code section}; {@code null} when absent or not under sections. */
    private static @Nullable JsonNode find(ObjectNode section, String path) {
        JsonNode node = section;
        for (String key : path.split("\\.")) {
            node = node instanceof ObjectNode object ? object.get(key) : null;
        }
        return node;
    }

    private static String missing(Declared d) {
        if (d.type() == Secret.class) {
            String variable = d.key().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            return "missing (required; e.g. " + d.key() + ": ${" + variable + "})";
        }
        return d.setting().missing().isEmpty()
                ? "missing (required)"
                : "missing (required: " + d.setting().missing() + ")";
    }

    private static String join(ArrayNode texts) {
        List<String> all = new ArrayList<>();
        texts.forEach(text -> all.add(text.asText()));
        return String.join(",", all);
    }
}
