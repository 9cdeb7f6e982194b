package io.roomwatch.config;

import io.roomwatch.model.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How roomwatch delivers events and state to Kafka. Immutable; derive variants with the {@code withX} methods. Start
 * from {@link #defaults(String)}.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}
 * @param clientProperties extra client properties passed through to the producer, consumer and admin client (security,
 *     compression, ...). The settings roomwatch's guarantees rest on ({@code acks}, idempotence, the transactional id,
 *     serializers, isolation level) cannot be overridden here. {@link #toString()} masks values whose key looks
 *     secret.
 * @param eventsTopic the topic events go to unless {@code routes} names another; default {@code roomwatch.events}
 * @param routes optional per-event-type topics, e.g. {@code USER_JOINED -> roomwatch.joins}; default none
 * @param stateTopic the compacted topic holding each room's state; default {@code roomwatch.state}
 * @param partitions partitions of topics roomwatch creates (existing topics are left alone); default 3
 * @param replicationFactor replication factor of topics roomwatch creates; default 1
 * @param eventsRetention {@code retention.ms} of event topics roomwatch creates; {@code null} (default) keeps the
 *     broker's default
 * @param deliveryMode {@link DeliveryMode#EXACTLY_ONCE} (default) or {@link DeliveryMode#AT_LEAST_ONCE}
 * @param transactionalIdPrefix {@code transactional.id} is this prefix followed by the app key ({@code
 *     provider/appId}), stable per app so that a restarted or duplicate instance fences the old one; default {@code
 *     roomwatch-}
 * @param maxInFlight at most this many records of one app are handed to the producer and not yet acknowledged;
 *     default 1024
 * @param blockTimeout {@code max.block.ms}: longest a producer call may block (metadata, full buffer, transactional
 *     calls); default 10 s
 * @param deliveryTimeout {@code delivery.timeout.ms}: a record not acknowledged within this fails; default 30 s; at
 *     least 2 s
 * @param transactionTimeout {@code transaction.timeout.ms}: the broker aborts a transaction left open this long (a
 *     crashed instance); default 60 s
 * @param bufferMemory {@code buffer.memory} of each app's producer, in bytes; default 8 MiB
 * @param loadTimeout restoring state fails if the state topic's read makes no progress for this long (for instance
 *     because another instance keeps a transaction open); default 2 min
 */
public record KafkaSinkConfig(
        String bootstrapServers,
        Map<String, String> clientProperties,
        String eventsTopic,
        Map<EventType, String> routes,
        String stateTopic,
        int partitions,
        short replicationFactor,
        @Nullable Duration eventsRetention,
        DeliveryMode deliveryMode,
        String transactionalIdPrefix,
        int maxInFlight,
        Duration blockTimeout,
        Duration deliveryTimeout,
        Duration transactionTimeout,
        long bufferMemory,
        Duration loadTimeout) {

    private static final Pattern SECRET =
            Pattern.compile("password|secret|jaas|token|credential|private|ssl\\.key\\.|api\\.key");

    public KafkaSinkConfig {
        requireText(bootstrapServers, "bootstrapServers");
        clientProperties = Map.copyOf(clientProperties);
        requireText(eventsTopic, "eventsTopic");
        routes = routes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(routes));
        routes.values().forEach(topic -> requireText(topic, "routes"));
        requireText(stateTopic, "stateTopic");
        if (stateTopic.equals(eventsTopic) || routes.containsValue(stateTopic)) {
            throw new IllegalArgumentException("stateTopic must differ from the event topics, was " + stateTopic);
        }
        requireAtLeast(partitions, 1, "partitions");
        requireAtLeast(replicationFactor, 1, "replicationFactor");
        if (eventsRetention != null) {
            requirePositive(eventsRetention, "eventsRetention");
        }
        Objects.requireNonNull(deliveryMode, "deliveryMode");
        requireText(transactionalIdPrefix, "transactionalIdPrefix");
        requireAtLeast(maxInFlight, 1, "maxInFlight");
        requirePositive(blockTimeout, "blockTimeout");
        requireAtLeast(deliveryTimeout, Duration.ofSeconds(2), "deliveryTimeout");
        requirePositive(transactionTimeout, "transactionTimeout");
        requireAtLeast(bufferMemory, 1024 * 1024, "bufferMemory");
        requirePositive(loadTimeout, "loadTimeout");
    }

    /** The defaults described above, for a broker at {@code bootstrapServers}. */
    public static KafkaSinkConfig defaults(String bootstrapServers) {
        return new KafkaSinkConfig(
                bootstrapServers,
                Map.of(),
                "roomwatch.events",
                Map.of(),
                "roomwatch.state",
                3,
                (short) 1,
                null,
                DeliveryMode.EXACTLY_ONCE,
                "roomwatch-",
                1024,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                8L * 1024 * 1024,
                Duration.ofMinutes(2));
    }

    /** The topic an event of {@code type} goes to. */
    public String topicFor(EventType type) {
        return routes.getOrDefault(type, eventsTopic);
    }

    public KafkaSinkConfig withClientProperties(Map<String, String> value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                value,
                eventsTopic,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                maxInFlight,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withEventsTopic(String value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                value,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                maxInFlight,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withRoutes(Map<EventType, String> value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                value,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                maxInFlight,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withStateTopic(String value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                routes,
                value,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                maxInFlight,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withDeliveryMode(DeliveryMode value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                value,
                transactionalIdPrefix,
                maxInFlight,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withTransactionalIdPrefix(String value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                value,
                maxInFlight,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withMaxInFlight(int value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                value,
                blockTimeout,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withBlockTimeout(Duration value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                maxInFlight,
                value,
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    public KafkaSinkConfig withDeliveryTimeout(Duration value) {
        return new KafkaSinkConfig(
                bootstrapServers,
                clientProperties,
                eventsTopic,
                routes,
                stateTopic,
                partitions,
                replicationFactor,
                eventsRetention,
                deliveryMode,
                transactionalIdPrefix,
                maxInFlight,
                blockTimeout,
                value,
                transactionTimeout,
                bufferMemory,
                loadTimeout);
    }

    /** Whether a client property's value must never be logged: its key looks like it names a secret. */
    public static boolean isSecret(String propertyKey) {
        return SECRET.matcher(propertyKey.toLowerCase(Locale.ROOT)).find();
    }

    /** Like the record's own, with secret-looking client property values masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        clientProperties.forEach((key, value) -> shown.put(key, isSecret(key) ? "***" : value));
        return "KafkaSinkConfig[bootstrapServers=" + bootstrapServers + ", clientProperties=" + shown
                + ", eventsTopic=" + eventsTopic + ", routes=" + routes + ", stateTopic=" + stateTopic
                + ", partitions=" + partitions + ", replicationFactor=" + replicationFactor + ", eventsRetention="
                + eventsRetention + ", deliveryMode=" + deliveryMode + ", transactionalIdPrefix="
                + transactionalIdPrefix + ", maxInFlight=" + maxInFlight + ", blockTimeout=" + blockTimeout
                + ", deliveryTimeout=" + deliveryTimeout + ", transactionTimeout=" + transactionTimeout
                + ", bufferMemory=" + bufferMemory + ", loadTimeout=" + loadTimeout + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        requireAtLeast(value, Duration.ofMillis(1), name);
    }

    private static void requireAtLeast(Duration value, Duration min, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }
}
