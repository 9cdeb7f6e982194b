package io.roomwatch.connect;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.jspecify.annotations.Nullable;

/**
 * The value converter of the roomwatch connector ({@code value.converter=io.roomwatch.connect.RoomwatchConverter}):
 *
 * <ul>
 *   <li>state records ({@link ConnectSession#STATE}) keep their bytes, so the state topic holds exactly what the
 *       standalone sink writes and {@code KafkaSnapshotStore} restores from it;
 *   <li>events ({@link EventStructs#VALUE}) become the event contract's JSON by default, byte for byte the standalone
 *       sink's value; or, with {@code value.converter.events=<converter class>}, whatever that converter makes of the
 *       {@code Struct} (Avro, JSON Schema or Protobuf with a schema registry, Kafka's {@code JsonConverter}, ...),
 *       configured with the {@code value.converter.events.*} keys. The {@code content-type} header then becomes
 *       {@code value.converter.events.content.type}, or is removed.
 * </ul>
 *
 * As a key converter it writes text as UTF-8 (like Kafka's {@code StringConverter}). Reading ({@link #toConnectData})
 * gives the bytes back as an optional bytes value.
 */
public final class RoomwatchConverter implements Converter {

    /** The class of the converter for events; unset: the contract's JSON. */
    public static final String EVENTS = "events";

    /** The {@code content-type} header of events written by {@link #EVENTS}' converter; unset: none. */
    public static final String EVENTS_CONTENT_TYPE = "events.content.type";

    private static final String CONTENT_TYPE = "content-type";

    private boolean isKey;
    private @Nullable Converter events;
    private @Nullable String eventsContentType;

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(
                        EVENTS,
                        Type.CLASS,
                        null,
                        Importance.MEDIUM,
                        "The converter of event values; unset: the event contract's JSON (README, Event contract)."
                                + " Its own settings take the prefix `events.`.")
                .define(
                        EVENTS_CONTENT_TYPE,
                        Type.STRING,
                        null,
                        Importance.LOW,
                        "The CloudEvents content-type header of events written by that converter.");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        Object type = configs.get(EVENTS);
        if (type == null || type.toString().isBlank()) {
            return;
        }
        Map<String, Object> own = new HashMap<>();
        configs.forEach((key, value) -> {
            if (key.startsWith(EVENTS + ".")) {
                own.put(key.substring(EVENTS.length() + 1), value);
            }
        });
        Object contentType = configs.get(EVENTS_CONTENT_TYPE);
        eventsContentType = contentType == null ? null : contentType.toString();
        Converter converter = instantiate(type);
        converter.configure(own, false);
        events = converter;
    }

    private static Converter instantiate(Object type) {
        try {
            Class<?> loaded = type instanceof Class<?> given
                    ? given
                    : Class.forName(type.toString().trim(), true, RoomwatchConverter.class.getClassLoader());
            return (Converter) loaded.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new org.apache.kafka.common.config.ConfigException(
                    EVENTS,
                    type,
                    "not a converter roomwatch's plugin can load (" + e + "); put its jars in roomwatch's plugin"
                            + " folder or on the worker's class path");
        }
    }

    @Override
    public byte[] fromConnectData(String topic, @Nullable Schema schema, @Nullable Object value) {
        return fromConnectData(topic, null, schema, value);
    }

    @Override
    public byte @Nullable [] fromConnectData(
            String topic, @Nullable Headers headers, @Nullable Schema schema, @Nullable Object value) {
        if (value == null) {
            return null; // a tombstone of the state topic
        }
        if (isKey || value instanceof String) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (schema != null && ConnectSession.STATE.name().equals(schema.name()) && value instanceof byte[] bytes) {
            return bytes;
        }
        Converter converter = events;
        if (converter != null) {
            contentType(headers);
            return converter.fromConnectData(topic, headers, schema, value);
        }
        if (value instanceof Struct struct) {
            return ContractJson.write(struct);
        }
        throw new DataException(
                "roomwatch's converter writes roomwatch's records only; on " + topic + " it was given a "
                        + value.getClass().getName() + " with schema " + (schema == null ? "none" : schema.name()));
    }

    private void contentType(@Nullable Headers headers) {
        if (headers == null) {
            return;
        }
        headers.remove(CONTENT_TYPE);
        String type = eventsContentType;
        if (type != null) {
            headers.add(CONTENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws java.io.IOException {
        Converter converter = events;
        if (converter != null) {
            converter.close();
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte @Nullable [] value) {
        if (isKey) {
            return new SchemaAndValue(
                    Schema.OPTIONAL_STRING_SCHEMA, value == null ? null : new String(value, StandardCharsets.UTF_8));
        }
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
    }
}
