package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Admin look-ups on the state topic, each bounded by {@link KafkaSinkConfig#blockTimeout()}. */
final class StateTopic {

    private StateTopic() {}

    /**
     * The high watermark (read_uncommitted end offset) of every partition of the state topic; empty if the topic
     * does not exist.
     */
    static Map<TopicPartition, Long> highWatermarks(Admin admin, KafkaSinkConfig config) {
        List<TopicPartition> partitions = partitions(admin, config);
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        ListOffsetsOptions uncommitted = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> ends = new HashMap<>();
        await(admin.listOffsets(latest, uncommitted).all(), config).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private static List<TopicPartition> partitions(Admin admin, KafkaSinkConfig config) {
        String topic = config.stateTopic();
        try {
            TopicDescription description = await(
                            admin.describeTopics(List.of(topic)).allTopicNames(), config)
                    .get(topic);
            return description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        } catch (UnknownTopicOrPartitionException e) {
            return List.of();
        }
    }

    /** The future's value; its failure's cause rethrown as is (Kafka exceptions are unchecked). */
    static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, KafkaSinkConfig config) {
        try {
            return future.get(config.blockTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka
                    ? kafka
                    : new KafkaException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException(
                    "no answer from the broker within " + config.blockTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }
}
