package io.roomwatch.config;

import io.roomwatch.model.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How roomwatch delivers events and state to Kafka. Immutable; derive variants with the {@code withX} methods. Start
 * from {@link #defaults(String)}. Each setting is declared on its component ({@link Setting}: key, default, limits,
 * meaning); {@code docs/configuration.md} lists them. {@link #toString()} masks client property values whose key looks
 * secret.
 */
public record KafkaSinkConfig(
        @Setting(list = true, doc = "Kafka's `bootstrap.servers`: `host:port,host:port`, or a list.")
                String bootstrapServers,
        @Setting(
                        key = "properties",
                        value = "{}",
                        check = Reserved.class,
                        doc = "Client properties for the producer, consumer and admin client (security, compression,"
                                + " ...); values of secret-looking keys are secrets. The ones roomwatch's guarantees"
                                + " rest on (`acks`, `transactional.id`, serializers, ...) are refused, naming the key"
                                + " to use instead.")
                Map<String, String> clientProperties,
        @Setting(value = "roomwatch.events", doc = "The topic events go to unless `routes` names another.")
                String eventsTopic,
        @Setting(
                        value = "{}",
                        doc = "A topic per event type: `RoomCreated`, `RoomDestroyed`, `UserJoined`, `UserLeft`"
                                + " (wire names).")
                Map<EventType, String> routes,
        @Setting(
                        value = "roomwatch.state",
                        doc = "The compacted topic of each room's state; must differ from every event topic.")
                String stateTopic,
        @Setting(
                        value = "3",
                        min = "1",
                        doc = "Partitions of the topics roomwatch creates (existing ones are left alone).")
                int partitions,
        @Setting(value = "1", min = "1", doc = "Replication factor of the topics roomwatch creates.")
                short replicationFactor,
        @Setting(
                        value = Setting.OPTIONAL,
                        min = ">0",
                        doc = "`retention.ms` of the event topics roomwatch creates; unset: the broker's default.")
                @Nullable
                Duration eventsRetention,
        @Setting(
                        key = "delivery",
                        value = "exactly-once",
                        doc = "One Kafka transaction per batch, or no transactions (a redone batch repeats events with"
                                + " the same `eventId`); see [delivery.md](delivery.md).")
                DeliveryMode deliveryMode,
        @Setting(
                        value = "roomwatch-",
                        doc =
                                "`transactional.id` = this prefix + `provider/appId`: stable per app, so a second instance"
                                        + " fences the first.")
                String transactionalIdPrefix,
        @Setting(value = "1024", min = "1", doc = "Records of one app handed to the producer and not yet acknowledged.")
                int maxInFlight,
        @Setting(value = "10s", min = ">0", doc = "`max.block.ms`: the longest a producer call may block.")
                Duration blockTimeout,
        @Setting(value = "30s", min = "2s", doc = "`delivery.timeout.ms`: a record not acknowledged within this fails.")
                Duration deliveryTimeout,
        @Setting(
                        value = "60s",
                        min = ">0",
                        doc = "`transaction.timeout.ms`: the broker aborts a transaction left open this long (a crashed"
                                + " instance).")
                Duration transactionTimeout,
        @Setting(value = "8MiB", min = "1MiB", bytes = true, doc = "`buffer.memory` of each app's producer.")
                long bufferMemory,
        @Setting(
                        value = "2m",
                        min = ">0",
                        doc = "Restoring state fails when reading the state topic makes no progress for this long.")
                Duration loadTimeout,
        @Setting(
                        value = "30s",
                        min = "1s",
                        doc = "How often an app with nothing to commit checks that no other instance has claimed it"
                                + " (a zombie learns it is fenced within this time; no transaction is spent).")
                Duration ownershipCheckInterval) {

    private static final Pattern SECRET =
            Pattern.compile("password|secret|jaas|token|credential|private|ssl\\.key\\.|api\\.key");

    public KafkaSinkConfig {
        Settings.check(
                KafkaSinkConfig.class,
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
                deliveryTimeout,
                transactionTimeout,
                bufferMemory,
                loadTimeout,
                ownershipCheckInterval);
        clientProperties = Map.copyOf(clientProperties);
        routes = routes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(routes));
        if (routes.values().stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("routes: a topic must not be empty");
        }
        if (stateTopic.equals(eventsTopic) || routes.containsValue(stateTopic)) {
            throw new IllegalArgumentException("stateTopic must differ from the event topics, was " + stateTopic);
        }
    }

    /** The declared defaults, for a broker at {@code bootstrapServers}. */
    public static KafkaSinkConfig defaults(String bootstrapServers) {
        return Settings.of(KafkaSinkConfig.class).build(Map.of("bootstrapServers", bootstrapServers), Map.of());
    }

    /** The topic an event of {@code type} goes to. */
    public String topicFor(EventType type) {
        return routes.getOrDefault(type, eventsTopic);
    }

    public KafkaSinkConfig withClientProperties(Map<String, String> value) {
        return Settings.with(this, "clientProperties", value);
    }

    public KafkaSinkConfig withEventsTopic(String value) {
        return Settings.with(this, "eventsTopic", value);
    }

    public KafkaSinkConfig withRoutes(Map<EventType, String> value) {
        return Settings.with(this, "routes", value);
    }

    public KafkaSinkConfig withStateTopic(String value) {
        return Settings.with(this, "stateTopic", value);
    }

    /** With idle ownership checks every {@code value}. */
    public KafkaSinkConfig withOwnershipCheckInterval(Duration value) {
        return Settings.with(this, "ownershipCheckInterval", value);
    }

    public KafkaSinkConfig withDeliveryMode(DeliveryMode value) {
        return Settings.with(this, "deliveryMode", value);
    }

    public KafkaSinkConfig withTransactionalIdPrefix(String value) {
        return Settings.with(this, "transactionalIdPrefix", value);
    }

    public KafkaSinkConfig withBlockTimeout(Duration value) {
        return Settings.with(this, "blockTimeout", value);
    }

    public KafkaSinkConfig withDeliveryTimeout(Duration value) {
        return Settings.with(this, "deliveryTimeout", value);
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
                + ", bufferMemory=" + bufferMemory + ", loadTimeout=" + loadTimeout + ", ownershipCheckInterval="
                + ownershipCheckInterval + "]";
    }

    /** {@link #clientProperties()}: the ones roomwatch sets itself, for its guarantees, and what to do instead. */
    static final class Reserved implements Check<Map<String, String>> {

        static final Map<String, String> KEYS = Map.ofEntries(
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

        @Override
        public void check(Map<String, String> properties, BiConsumer<String, String> problem) {
            properties.keySet().stream()
                    .filter(KEYS::containsKey)
                    .forEach(key -> problem.accept(key, "set by roomwatch, cannot be overridden: " + KEYS.get(key)));
        }
    }
}
