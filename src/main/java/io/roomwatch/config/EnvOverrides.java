package io.roomwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Environment variables that override settings of the file: {@code ROOMWATCH_} followed by the path to a key, {@code
 * __} between segments, list indexes as numbers, keys in any case ({@code ROOMWATCH_KAFKA__BOOTSTRAPSERVERS}, {@code
 * ROOMWATCH_APPS__0__POLL__SWEEPINTERVAL}, {@code ROOMWATCH_KAFKA__PROPERTIES__SASL_MECHANISM}). Only names containing
 * {@code __} are overrides, so {@code ROOMWATCH_CONFIG} and the like stay free. Applied to the tree before binding, so
 * an override is parsed and checked like the file's own value; one naming no key is a problem. Values are never
 * quoted in problems.
 */
final class EnvOverrides {

    static final String PREFIX = "ROOMWATCH_";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One resolved path segment: the key (or list index) in the tree, its shape, where it is. */
    private record Step(String key, Shape shape, String path) {}

    private EnvOverrides() {}

    /** Whether {@code name} is an override variable. */
    static boolean isOverride(String name) {
        return name.startsWith(PREFIX) && name.contains("__");
    }

    /** Applies every override in {@code env} to {@code root}, list indexes in increasing order (appends work). */
    static void apply(ObjectNode root, Map<String, String> env, Problems problems) {
        env.keySet().stream()
                .filter(EnvOverrides::isOverride)
                .sorted(EnvOverrides::compare)
                .forEach(name -> apply(root, name, env.get(name), problems));
    }

    private static void apply(ObjectNode root, String name, String value, Problems problems) {
        List<String> segments = segments(name);
        JsonNode node = root;
        Shape shape = Shape.of(RoomwatchConfig.class);
        String path = "";
        for (int i = 0; i < segments.size(); i++) {
            Step step = shape.kind() == Shape.Kind.LIST
                    ? index((ArrayNode) node, shape, segments.get(i), path, problems, name)
                    : key((ObjectNode) node, shape, segments.get(i), path, problems, name);
            if (step == null) {
                return;
            }
            Shape.Kind kind = step.shape().kind();
            if (i == segments.size() - 1) {
                if (kind == Shape.Kind.SECTION || kind == Shape.Kind.PROPERTIES) {
                    problems.add(name, step.path() + " is a section; override its keys one by one");
                } else {
                    set(node, step.key(), value(value, problems, name));
                }
                return;
            }
            if (kind == Shape.Kind.SCALAR) {
                problems.add(name, step.path() + " is a single value, it has no " + segments.get(i + 1));
                return;
            }
            JsonNode next = get(node, step.key());
            if (next == null || next.isNull()) {
                next = kind == Shape.Kind.LIST ? NODES.arrayNode() : NODES.objectNode();
                set(node, step.key(), next);
            }
            if (kind == Shape.Kind.LIST ? !next.isArray() : !next.isObject()) {
                problems.add(name, step.path() + " is a single value in the file, not a list or section");
                return;
            }
            node = next;
            shape = step.shape();
            path = step.path();
        }
    }

    private static @Nullable Step key(
            ObjectNode section, Shape shape, String segment, String path, Problems problems, String name) {
        if (shape.kind() == Shape.Kind.PROPERTIES) {
            // Kafka property keys are dotted lower case: SASL_MECHANISM -> sasl.mechanism (or an existing key)
            String key = existing(section, segment);
            key = key != null ? key : segment.toLowerCase(Locale.ROOT).replace('_', '.');
            return new Step(key, Shape.SCALAR, Problems.join(path, key));
        }
        String key = shape.key(segment).orElse(null);
        if (key == null) {
            String where = path.isEmpty() ? "the file" : path;
            problems.add(name, where + " has no key " + segment + Suggestions.suggest(segment, shape));
            return null;
        }
        return new Step(key, shape.keys().get(key), Problems.join(path, key));
    }

    private static @Nullable Step index(
            ArrayNode list, Shape shape, String segment, String path, Problems problems, String name) {
        if (!segment.matches("\\d{1,4}")) {
            problems.add(name, path + " is a list, expected an index instead of " + segment);
            return null;
        }
        int index = Integer.parseInt(segment);
        if (index > list.size()) {
            problems.add(
                    name,
                    "there is no " + path + "[" + index + "] (" + path + " has " + list.size()
                            + " entries; an override may append the next one only)");
            return null;
        }
        Shape element = shape.element() == null ? Shape.SCALAR : shape.element();
        return new Step(segment, element, path + "[" + index + "]");
    }

    private static @Nullable String existing(ObjectNode section, String segment) {
        Iterator<String> keys = section.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (key.toUpperCase(Locale.ROOT)
                    .replace('.', '_')
                    .replace('-', '_')
                    .equals(segment.toUpperCase(Locale.ROOT))) {
                return key;
            }
        }
        return null;
    }

    /** The override's value: text, or a YAML flow list/section when it starts with {@code [} or {@code {}. */
    private static JsonNode value(String value, Problems problems, String name) {
        String trimmed = value.trim();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            Problems syntax = new Problems();
            JsonNode parsed = YamlTree.read(trimmed, syntax);
            if (parsed != null) {
                return parsed;
            }
            problems.add(name, "starts with " + trimmed.charAt(0) + " but is not a YAML flow list or section");
        }
        return trimmed.isEmpty() ? NODES.nullNode() : NODES.textNode(value);
    }

    private static @Nullable JsonNode get(JsonNode node, String key) {
        if (node instanceof ArrayNode list) {
            int index = Integer.parseInt(key);
            return index < list.size() ? list.get(index) : null;
        }
        return node.get(key);
    }

    private static void set(JsonNode node, String key, JsonNode value) {
        if (node instanceof ArrayNode list) {
            int index = Integer.parseInt(key);
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        } else {
            ((ObjectNode) node).set(key, value);
        }
    }

    private static List<String> segments(String name) {
        return List.of(name.substring(PREFIX.length()).split("__", -1));
    }

    /** By path, numeric segments compared as numbers: {@code APPS__2__X} before {@code APPS__10__X}. */
    private static int compare(String a, String b) {
        List<String> left = segments(a);
        List<String> right = segments(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String l = left.get(i);
            String r = right.get(i);
            int byNumber = l.matches("\\d+") && r.matches("\\d+") && l.length() < 10 && r.length() < 10
                    ? Integer.compare(Integer.parseInt(l), Integer.parseInt(r))
                    : l.compareTo(r);
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
