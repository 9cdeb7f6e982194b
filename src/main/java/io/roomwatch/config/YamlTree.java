package io.roomwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads YAML into a tree whose scalars are all text, exactly as written: YAML 1.1 would read {@code 010} as 8 and
 * {@code on} as {@code true}, but a room id {@code 010} must stay {@code "010"}. The binders parse numbers, durations
 * and booleans themselves, the same way for file values, {@code ${...}} values and environment overrides. A null or
 * empty value reads as a null node (the key's default applies).
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTree() {}

    /**
     * The single document in {@code yaml}, an empty section for an empty text, or {@code null} after adding a problem.
     * Syntax errors name line and column but never quote the text (it may hold a literal secret).
     */
    static @Nullable JsonNode read(String yaml, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NODES.objectNode();
            }
            JsonNode root = value(parser, "", problems);
            if (parser.nextToken() != null) {
                problems.add("", "line " + line(parser) + ": more than one YAML document; the file must hold one");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            String what =
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("invalid YAML");
            String where = e.getLocation() == null
                    ? ""
                    : "line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": ";
            problems.add("", where + "invalid YAML: " + what);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e); // cannot happen: nothing to read from
        }
    }

    private static JsonNode value(JsonParser parser, String path, Problems problems) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return section(parser, path, problems);
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode list = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser, path + "[" + index++ + "]", problems));
            }
            return list;
        }
        String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
        return text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
    }

    private static ObjectNode section(JsonParser parser, String path, Problems problems) throws IOException {
        ObjectNode section = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String keyPath = Problems.join(path, key);
            int line = line(parser);
            parser.nextToken();
            JsonNode value = value(parser, keyPath, problems);
            if (section.has(key)) {
                problems.add(keyPath, "duplicate key (again on line " + line + ")");
            } else {
                section.set(key, value);
            }
        }
        return section;
    }

    private static int line(JsonParser parser) {
        return parser.currentLocation().getLineNr();
    }
}
