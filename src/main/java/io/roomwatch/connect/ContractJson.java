package io.roomwatch.connect;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A flat {@link Struct} as the event contract's JSON: fields in schema order, absent (null) ones omitted, never
 * written as {@code null}. For the value schema of {@link EventStructs} this is byte for byte the standalone sink's
 * value ({@code io.roomwatch.kafka.EventJson}); fields a transformation added are written too. Thread-safe.
 */
final class ContractJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ContractJson() {}

    static byte[] write(Struct struct) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(320);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (Field field : struct.schema().fields()) {
                Object value = struct.get(field);
                if (value != null) {
                    json.writeFieldName(field.name());
                    writeValue(json, value);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString());
        }
    }
}
