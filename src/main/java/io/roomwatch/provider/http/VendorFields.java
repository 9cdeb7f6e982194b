package io.roomwatch.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Tolerant readers for the scalar fields of vendor answers, the one place that decides what an id, a count or a flag
 * may look like. Each returns null for a value it cannot read; the caller decides whether that makes an item
 * unusable (skipped, listing partial) or the answer malformed.
 */
public final class VendorFields {

    private VendorFields() {}

    /**
     * A room, call or user id: a JSON string that is not blank and has no control characters. Numbers are refused:
     * vendors document ids as strings, and {@code 42} and {@code "42"} need not be the same user.
     */
    public static @Nullable String id(@Nullable JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.textValue();
        if (text.isBlank() || text.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return text;
    }

    /** A whole number: a JSON integer, or a string of one (vendors are not consistent); null otherwise. */
    public static @Nullable Long whole(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A flag: a JSON boolean or the string {@code true}/{@code false} (any case); null otherwise. */
    public static @Nullable Boolean flag(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim().toLowerCase(Locale.ROOT);
            return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
        }
        return null;
    }

    /** A cursor: a JSON string, or a number as its text (an opaque token either way); null when absent or other. */
    public static @Nullable String cursor(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.isIntegralNumber() ? node.asText() : null;
    }

    /** Whether a field is absent: missing, JSON null, or an empty or blank string. */
    public static boolean absent(@Nullable JsonNode node) {
        return node == null
                || node.isNull()
                || node.isMissingNode()
                || (node.isTextual() && node.textValue().isBlank());
    }
}
