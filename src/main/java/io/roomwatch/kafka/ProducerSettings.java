package io.roomwatch.kafka;

import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer properties of one app: pass-through client properties, then the settings our guarantees rest on. */
final class ProducerSettings {

    private ProducerSettings() {}

    /** {@code transactional.id} of {@code app}: stable per app, so a second instance fences the first. */
    static String transactionalId(KafkaSinkConfig config, AppKey app) {
        return config.transactionalIdPrefix() + app;
    }

    static Properties of(KafkaSinkConfig config, AppKey app) {
        Properties props = plain(config, "roomwatch-" + app);
        if (config.deliveryMode() == DeliveryMode.EXACTLY_ONCE) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(config, app));
            props.put(
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                    millis(config.transactionTimeout().toMillis()));
        }
        return props;
    }

    /** An idempotent producer without transactions, with the same pass-through properties and bounds. */
    static Properties plain(KafkaSinkConfig config, String clientId) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // explicit: before KAFKA-13598 the default was not always applied
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(config.blockTimeout().toMillis()));
        props.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                millis(config.deliveryTimeout().toMillis()));
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        long requestTimeout = Math.min(30_000, config.deliveryTimeout().toMillis() / 2);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(requestTimeout));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(config.bufferMemory()));
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return props;
    }

    private static String millis(long value) {
        return Long.toString(value);
    }
}
