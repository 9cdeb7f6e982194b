package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.state.SnapshotStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Restores an app's {@link AppState} from the compacted state topic that the Kafka sink writes ({@link StateRecords}).
 *
 * <p>{@link #load} is lazy. Each call reads the whole state topic from the beginning, with {@code
 * isolation.level=read_committed}, up to the high watermarks taken when it starts: it therefore waits until every
 * transaction that was open at that moment is committed or aborted, so no committed record written before the load
 * is missed (with several apps sharing the topic, another app's open transaction holds back what read_committed
 * consumers see). It keeps only this app's keys and folds them, last value per key wins. An app with nothing stored
 * loads as {@link AppState#empty}; a missing state topic too.
 *
 * <p>The read blocks, on the {@code blocking} scheduler given at creation (by default {@link
 * Schedulers#boundedElastic()}); the result is signalled there. Errors: {@link IllegalStateException} when the read
 * makes no progress for {@link KafkaSinkConfig#loadTimeout()} or a value cannot be read (the caller must not poll
 * that app from an empty state instead); Kafka's own exceptions when the broker cannot be reached within {@link
 * KafkaSinkConfig#blockTimeout()}. Progress (records read) is logged at DEBUG per batch, and one INFO line per load.
 */
public final class KafkaSnapshotStore implements SnapshotStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaSnapshotStore.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSinkConfig config;
    private final Scheduler blocking;

    private KafkaSnapshotStore(KafkaSinkConfig config, Scheduler blocking) {
        this.config = config;
        this.blocking = blocking;
    }

    /** A store reading {@link KafkaSinkConfig#stateTopic()}; loads run on {@link Schedulers#boundedElastic()}. */
    public static KafkaSnapshotStore create(KafkaSinkConfig config) {
        return new KafkaSnapshotStore(config, Schedulers.boundedElastic());
    }

    /** A store whose blocking reads run on {@code blocking}. */
    public static KafkaSnapshotStore create(KafkaSinkConfig config, Scheduler blocking) {
        return new KafkaSnapshotStore(config, blocking);
    }

    @Override
    public Mono<AppState> load(AppKey app) {
        return Mono.fromCallable(() -> read(app))
                .subscribeOn(blocking) // why: KafkaConsumer.poll and the admin calls block
                .checkpoint("state load " + app);
    }

    private AppState read(AppKey app) {
        try (Admin admin = Admin.create(adminProperties(app));
                Consumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(app))) {
            Map<TopicPartition, Long> ends = StateTopic.highWatermarks(admin, config);
            StateFold fold = StateRecords.fold(app);
            if (!ends.isEmpty()) {
                readTo(consumer, ends, fold);
            }
            AppState state = fold.result();
            log.info(
                    "{}: state restored from {}: {} of {} records are this app's: {} live rooms, {} retired marks,"
                            + " listedUntil {}",
                    app,
                    config.stateTopic(),
                    fold.mine(),
                    fold.records(),
                    state.live().size(),
                    state.retired().size(),
                    state.listedUntil());
            return state;
        }
    }

    private void readTo(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends, StateFold fold) {
        List<TopicPartition> partitions = List.copyOf(ends.keySet());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long allowedStalls = Math.max(1, config.loadTimeout().toMillis() / POLL.toMillis());
        long stalls = 0;
        Map<TopicPartition, Long> positions = positions(consumer, partitions);
        while (!reached(positions, ends)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                fold.accept(record.key(), record.value());
            }
            Map<TopicPartition, Long> next = positions(consumer, partitions);
            stalls = next.equals(positions) ? stalls + 1 : 0;
            if (stalls > allowedStalls) {
                throw new IllegalStateException("reading " + config.stateTopic() + " made no progress for "
                        + config.loadTimeout() + " at " + next + ", target " + ends
                        + " (a transaction left open by another instance?)");
            }
            positions = next;
            log.debug("state load: {} records read, at {} of {}", fold.records(), positions, ends);
        }
    }

    private Map<TopicPartition, Long> positions(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p, config.blockTimeout())));
        return positions;
    }

    private static boolean reached(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> positions.get(e.getKey()) >= e.getValue());
    }

    private Properties consumerProperties(AppKey app) {
        Properties props = base();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "roomwatch-state-" + app);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: nothing to commit
        return props;
    }

    private Properties adminProperties(AppKey app) {
        Properties props = base();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "roomwatch-state-admin-" + app);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)
                config.blockTimeout().toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                config.blockTimeout().toMillis());
        return props;
    }

    private Properties base() {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return props;
    }
}
