package io.roomwatch.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test helper: every record of some topics up to their current end, as a consumer with a given isolation sees them. */
final class TopicReader {

    private TopicReader() {}

    static List<ConsumerRecord<String, byte[]>> committed(String bootstrap, Collection<String> topics) {
        return read(bootstrap, topics, IsolationLevel.READ_COMMITTED);
    }

    static List<ConsumerRecord<String, byte[]>> uncommitted(String bootstrap, Collection<String> topics) {
        return read(bootstrap, topics, IsolationLevel.READ_UNCOMMITTED);
    }

    /** Records in partition order, partitions one after the other. */
    static List<ConsumerRecord<String, byte[]>> read(
            String bootstrap, Collection<String> topics, IsolationLevel level) {
        Map<TopicPartition, Long> ends = ends(bootstrap, topics);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, level.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            Instant deadline = Instant.now().plusSeconds(30);
            while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topics + " to " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> byPartition
                        .computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>())
                        .add(r));
            }
        }
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        byPartition.values().forEach(all::addAll);
        return all;
    }

    private static Map<TopicPartition, Long> ends(String bootstrap, Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((name, d) -> d.partitions()
                            .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new AssertionError("cannot read the end offsets of " + topics, e);
        }
    }
}
