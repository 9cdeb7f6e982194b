package io.roomwatch.config;

import io.roomwatch.model.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Binds the {@code kafka} section to a {@link KafkaSinkConfig}. */
final class KafkaBinding {

    /** Record fields whose key differs. */
    private static final Map<String, String> KEYS =
            Map.of("deliveryMode", "delivery", "clientProperties", "properties");

    /** Client properties roomwatch sets itself, and what to do instead. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("bootstrap.servers", "use kafka.bootstrapServers"),
            Map.entry("acks", "roomwatch always uses acks=all"),
            Map.entry("enable.idempotence", "roomwatch always enables idempotence"),
            Map.entry("transactional.id", "use kafka.transactionalIdPrefix"),
            Map.entry("transaction.timeout.ms", "use kafka.transactionTimeout"),
            Map.entry("max.block.ms", "use kafka.blockTimeout"),
            Map.entry("delivery.timeout.ms", "use kafka.deliveryTimeout"),
            Map.entry("buffer.memory", "use kafka.bufferMemory"),
            Map.entry("isolation.level", "roomwatch reads its state with read_committed"),
            Map.entry("key.serializer", "roomwatch sets the serializers"),
            Map.entry("value.serializer", "roomwatch sets the serializers"),
            Map.entry("key.deserializer", "roomwatch sets the deserializers"),
            Map.entry("value.deserializer", "roomwatch sets the deserializers"));

    static final Map<String, DeliveryMode> DELIVERY = ordered(DeliveryMode.EXACTLY_ONCE, DeliveryMode.AT_LEAST_ONCE);

    private KafkaBinding() {}

    static @Nullable KafkaSinkConfig bind(Section kafka) {
        kafka.checkKeys(Schema.KAFKA);
        KafkaSinkConfig d = KafkaSinkConfig.defaults("defaults");
        String bootstrapServers = bootstrapServers(kafka);
        Map<EventType, String> routes = routes(kafka.section("routes"));
        Map<String, String> properties = properties(kafka.section("properties"));
        String eventsTopic = kafka.text("eventsTopic", d.eventsTopic());
        String stateTopic = kafka.text("stateTopic", d.stateTopic());
        int partitions = kafka.integer("partitions", d.partitions());
        short replicationFactor =
                (short) kafka.number("replicationFactor", d.replicationFactor(), Short.MIN_VALUE, Short.MAX_VALUE);
        Duration eventsRetention = kafka.duration("eventsRetention");
        DeliveryMode delivery = kafka.choice("delivery", DELIVERY, d.deliveryMode());
        String transactionalIdPrefix = kafka.text("transactionalIdPrefix", d.transactionalIdPrefix());
        int maxInFlight = kafka.integer("maxInFlight", d.maxInFlight());
        Duration blockTimeout = kafka.duration("blockTimeout", d.blockTimeout());
        Duration deliveryTimeout = kafka.duration("deliveryTimeout", d.deliveryTimeout());
        Duration transactionTimeout = kafka.duration("transactionTimeout", d.transactionTimeout());
        long bufferMemory = kafka.bytes("bufferMemory", d.bufferMemory());
        Duration loadTimeout = kafka.duration("loadTimeout", d.loadTimeout());
        if (bootstrapServers == null) {
            return null;
        }
        return kafka.problems()
                .build(
                        kafka.where(),
                        KEYS,
                        () -> new KafkaSinkConfig(
                                bootstrapServers,
                                properties,
                                eventsTopic,
                                routes,
                                stateTopic,
                                partitions,
                                replicationFactor,
                                eventsRetention,
                                delivery,
                                transactionalIdPrefix,
                                maxInFlight,
                                blockTimeout,
                                deliveryTimeout,
                                transactionTimeout,
                                bufferMemory,
                                loadTimeout));
    }

    /** The configuration spelling of a delivery mode: {@code exactly-once}, {@code at-least-once}. */
    static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static @Nullable String bootstrapServers(Section kafka) {
        if (!kafka.has("bootstrapServers")) {
            kafka.problems().add(kafka.where("bootstrapServers"), "missing (required)");
            return null;
        }
        // a list or one comma-separated text, as Kafka itself takes it
        int before = kafka.problems().count();
        String servers = String.join(",", kafka.texts("bootstrapServers"));
        return kafka.problems().count() == before ? servers : null;
    }

    private static Map<EventType, String> routes(Section routes) {
        routes.checkKeys(Schema.KAFKA.keys().get("routes"));
        Map<EventType, String> out = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            String topic = routes.text(type.wireName());
            if (topic != null) {
                out.put(type, topic);
            }
        }
        return out;
    }

    private static Map<String, String> properties(Section section) {
        Map<String, String> properties = section.properties(KafkaSinkConfig::isSecret);
        properties.keySet().stream().filter(RESERVED::containsKey).forEach(key -> section.problems()
                .add(section.where(key), "set by roomwatch, cannot be overridden: " + RESERVED.get(key)));
        return properties;
    }

    @SafeVarargs
    static <E extends Enum<E>> Map<String, E> ordered(E... values) {
        Map<String, E> out = new LinkedHashMap<>();
        for (E value : values) {
            out.put(spelling(value), value);
        }
        return out;
    }
}
