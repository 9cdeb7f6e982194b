package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * {@link Claims} on the state topic: a claim is a record keyed {@code owner/provider/appId} ({@link
 * StateRecords#ownerClaim}), sent outside any transaction by an idempotent producer of its own with {@code acks=all};
 * a check reads the claim's partition with {@code read_uncommitted} from just after our claim (or after what an
 * earlier check already read) up to the high watermark. Compaction keeps the latest claim of each app, and removes a
 * claim only when a later one exists, so nothing it does can hide a later claim.
 *
 * <p>Thread-safe; calls block, bounded by {@link KafkaSinkConfig#deliveryTimeout()} (a claim) and {@link
 * KafkaSinkConfig#loadTimeout()} without progress (a check).
 */
final class KafkaClaims implements Claims {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaSinkConfig config;
    private final String instance;
    private final Map<AppKey, Long> checkedUpTo = new ConcurrentHashMap<>();
    private @Nullable Producer<String, byte[]> producer;

    KafkaClaims(KafkaSinkConfig config) {
        this.config = config;
        this.instance = describeThisInstance();
    }

    @Override
    public Claim claim(AppKey app) {
        try {
            RecordMetadata landed = producer()
                    .send(StateRecords.ownerClaim(config.stateTopic(), app, instance))
                    .get(config.deliveryTimeout().plus(config.blockTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            return new Claim(instance, new TopicPartition(landed.topic(), landed.partition()), landed.offset());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka
                    ? kafka
                    : new KafkaException("claiming " + app + " failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("claiming " + app + ": no acknowledgement within " + config.deliveryTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    @Override
    public Optional<String> laterClaim(AppKey app, Claim ours) {
        TopicPartition partition = ours.partition();
        String key = StateRecords.ownerKey(app);
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(app))) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), config.blockTimeout())
                    .get(partition);
            long from = Math.max(ours.offset() + 1, checkedUpTo.getOrDefault(app, 0L));
            if (from >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, from);
            Optional<String> later = Optional.empty();
            long position = from;
            long allowedStalls = Math.max(1, config.loadTimeout().toMillis() / POLL.toMillis());
            long stalls = 0;
            while (position < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (key.equals(record.key()) && record.offset() > ours.offset()) {
                        later = Optional.of(StateRecords.claimant(record.value()));
                    }
                }
                long next = consumer.position(partition, config.blockTimeout());
                stalls = next > position ? 0 : stalls + 1;
                position = next;
                if (stalls > allowedStalls) {
                    throw new TimeoutException("checking the claims of " + app + " made no progress at " + partition
                            + " offset " + position + " for " + config.loadTimeout());
                }
            }
            if (later.isEmpty()) {
                checkedUpTo.put(app, end); // what was read holds no later claim: the next check starts there
            }
            return later;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(ProducerSettings.plain(config, "roomwatch-claims"));
        }
        return producer;
    }

    private Properties consumerProperties(AppKey app) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "roomwatch-claims-" + app);
        // claims are written outside transactions: read_uncommitted sees them as soon as they are replicated, and
        // another app's open transaction on the same partition cannot hold the check back
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)
                config.blockTimeout().toMillis());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partition, no group
        return props;
    }

    /** A random id, and where this process runs, for operators reading "fenced by ...". Never a secret. */
    private static String describeThisInstance() {
        String host = System.getenv().getOrDefault("HOSTNAME", "?");
        return UUID.randomUUID() + " (pid " + ProcessHandle.current().pid() + " on " + host + ")";
    }
}
