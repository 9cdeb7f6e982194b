package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the event topics and the compacted state topic when they are missing. Idempotent: a topic that exists is
 * left as it is (its settings are the operator's). Blocks up to {@link KafkaSinkConfig#blockTimeout()}. Public for the
 * Kafka Connect task, which creates them at start as the standalone sink does at its first opening.
 */
public final class Topics {

    private static final Logger log = LoggerFactory.getLogger(Topics.class);

    private Topics() {}

    /**
     * Creates the topics of {@code config} that are missing.
     *
     * @throws org.apache.kafka.common.KafkaException when the broker refuses or does not answer in time
     */
    public static void ensure(KafkaSinkConfig config) {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "roomwatch-topics");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)
                config.blockTimeout().toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                config.blockTimeout().toMillis());
        try (Admin admin = Admin.create(props)) {
            CreateTopicsResult result = admin.createTopics(newTopics(config));
            result.values().forEach((topic, future) -> await(topic, future, config));
        }
    }

    static List<NewTopic> newTopics(KafkaSinkConfig config) {
        Set<String> eventTopics = new LinkedHashSet<>();
        eventTopics.add(config.eventsTopic());
        eventTopics.addAll(config.routes().values());
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : eventTopics) {
            NewTopic events = new NewTopic(topic, config.partitions(), config.replicationFactor());
            if (config.eventsRetention() != null) {
                events.configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(config.eventsRetention().toMillis())));
            }
            topics.add(events);
        }
        topics.add(new NewTopic(config.stateTopic(), config.partitions(), config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }

    private static void await(String topic, org.apache.kafka.common.KafkaFuture<Void> future, KafkaSinkConfig config) {
        try {
            future.get(config.blockTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("created topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new org.apache.kafka.common.KafkaException("cannot create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException(
                    "topic " + topic + " not created within " + config.blockTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }
}
