package io.roomwatch.callback.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading callback JSON, for every vendor the same way: each flaw is one {@link CallbackRejected}, named. */
final class CallbackJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallbackJson() {}

    /**
     * {@code bytes} as a JSON object.
     *
     * @param what what is read, for the message: {@code "<app>: callback body"}
     * @throws CallbackRejected (malformed) when not JSON or not an object
     */
    static JsonNode object(byte[] bytes, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw CallbackRejected.malformed(what + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CallbackRejected.malformed(what + " is unreadable");
        }
        if (node == null || !node.isObject()) {
            throw CallbackRejected.malformed(what + " is not a JSON object");
        }
        return node;
    }

    /**
     * The non-blank scalar {@code field} of {@code node}, as text.
     *
     * @param where whose field, for the message: {@code "<app>: callback"} or {@code "<app>: <command>"}
     * @throws CallbackRejected (malformed) when missing, null, blank or not a scalar
     */
    static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null
                || !value.isValueNode()
                || value.isNull()
                || value.asText().isBlank()) {
            throw CallbackRejected.malformed(where + " field " + field + " is missing or empty");
        }
        return value.asText();
    }

    /** A vendor's value quoted for a message: at most 60 characters, control characters replaced. */
    static String quote(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
