package io.roomwatch.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.roomwatch.model.EventType;
import io.roomwatch.model.Provider;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How values of the file become Java values: Jackson, with the few types of our own (durations, sizes, secrets, event
 * types as map keys) and the wording of what was expected. The same conversions serve the file, {@code ${...}} values,
 * overrides, declared defaults and declared limits.
 */
final class Values {

    /** Binds the checked tree into the records (their canonical constructors) and converts single values. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(module())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(B|KiB|MiB|GiB)?");
    private static final List<String> SIZE_UNITS = List.of("B", "KiB", "MiB", "GiB");
    private static final int MAX_QUOTE = 60;

    private Values() {}

    /** The value {@code text} denotes for a setting of {@code type}; {@code null} if it denotes none. */
    static @Nullable Object parse(Class<?> type, boolean bytes, String text) {
        if (bytes) {
            Long size = bytes(text);
            return size == null || type == long.class
                    ? size
                    : size > Integer.MAX_VALUE ? null : (Object) size.intValue();
        }
        if (type == String.class) {
            return text;
        }
        if (type.isEnum()) {
            return constant(type, text);
        }
        try {
            return MAPPER.treeToValue(NODES.textNode(text.trim()), type);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** What a value of this type looks like, for {@code 'x' is not valid, <expected>}. */
    static String expected(Class<?> type, boolean bytes) {
        if (bytes) {
            return "expected a size in bytes such as 1048576, 512KiB or 8MiB";
        }
        if (type == Duration.class) {
            return Durations.EXPECTED;
        }
        if (type == short.class) {
            return "expected a whole number up to " + Short.MAX_VALUE;
        }
        if (type == int.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == double.class) {
            return "expected a number";
        }
        if (type == boolean.class) {
            return "expected true or false";
        }
        if (type.isEnum()) {
            return "expected " + alternatives(spellings(type));
        }
        return "expected a URL such as https://host:port";
    }

    /** A value for a problem line: durations and sizes as they are written in the file. */
    static String format(Object value, boolean bytes) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (bytes && value instanceof Number number) {
            long size = number.longValue();
            int unit = 0;
            while (unit < SIZE_UNITS.size() - 1 && size != 0 && size % 1024 == 0) {
                size /= 1024;
                unit++;
            }
            return size + (unit == 0 ? "" : SIZE_UNITS.get(unit));
        }
        return value instanceof Enum<?> constant ? spelling(constant) : String.valueOf(value);
    }

    /** How a constant is written in the file: {@code exactly-once}, {@code tencent-live}, {@code UserJoined}. */
    static String spelling(Enum<?> constant) {
        if (constant instanceof EventType type) {
            return type.wireName();
        }
        if (constant instanceof Provider provider) {
            return provider.id();
        }
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The spellings of an enum's constants, in declaration order. */
    static List<String> spellings(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> spelling((Enum<?>) constant))
                .toList();
    }

    /** The constant of {@code type} spelled {@code text} in any case; {@code null} if none is. */
    static @Nullable Object constant(Class<?> type, String text) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> spelling((Enum<?>) constant).equalsIgnoreCase(text.trim()))
                .findFirst()
                .orElse(null);
    }

    /** {@code a or b}, or {@code one of a, b, c}. */
    static String alternatives(List<String> values) {
        return values.size() == 2 ? values.get(0) + " or " + values.get(1) : "one of " + String.join(", ", values);
    }

    /** {@code 'value'} for a problem line, shortened. */
    static String quote(String value) {
        return "'" + (value.length() > MAX_QUOTE ? value.substring(0, MAX_QUOTE) + "..." : value) + "'";
    }

    /** What a node that is not a single value is, for {@code expected a value, was <this>}. */
    static String describe(JsonNode node) {
        return node.isArray() ? "a list" : node.isObject() ? "a section" : quote(node.asText());
    }

    /** Bytes of {@code 1048576}, {@code 512KiB}, {@code 8MiB}, {@code 1GiB}; {@code null} if not a size. */
    static @Nullable Long bytes(String text) {
        Matcher size = SIZE.matcher(text.trim());
        if (!size.matches()) {
            return null;
        }
        long amount = Long.parseLong(size.group(1));
        int shift = 10 * SIZE_UNITS.indexOf(size.group(2) == null ? "B" : size.group(2));
        return amount > (Long.MAX_VALUE >> shift) ? null : amount << shift;
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("roomwatch-config");
        module.addDeserializer(Duration.class, new Scalar<>(Duration.class, Durations::parse));
        module.addDeserializer(Secret.class, new Scalar<>(Secret.class, Secret::of));
        module.addKeyDeserializer(EventType.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                Object type = constant(EventType.class, key);
                return type != null ? type : context.handleWeirdKey(EventType.class, key, "not an event type");
            }
        });
        return module;
    }

    /** A type read from one text with a function of ours. */
    private static final class Scalar<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final transient Function<String, @Nullable T> parser;

        Scalar(Class<T> type, Function<String, @Nullable T> parser) {
            super(type);
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            T value = text == null ? null : this.parser.apply(text);
            if (value == null) {
                @SuppressWarnings("unchecked") // handledType() is the T this was built for
                T handled = (T) context.handleWeirdStringValue(handledType(), text, "not a valid value");
                return handled;
            }
            return value;
        }
    }
}
