package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.PresenceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reads roomwatch's event topics the way a downstream consumer does ({@code isolation.level=read_committed}), for
 * {@code roomwatch tail} and the demo's live feed.
 *
 * <p>{@link #events()} is lazy; each subscription gets its own consumer in a fresh consumer group (no offsets are
 * committed), polled on one dedicated thread (a {@code KafkaConsumer} is not thread-safe); records are signalled on
 * that thread, at most one poll's worth ahead of demand. Cancelling closes the consumer. A value that is not a
 * roomwatch event is skipped with its error in {@link Tailed#error()}, never dropped silently.
 */
public final class KafkaEventTail {

    private static final Duration POLL = Duration.ofMillis(300);

    private final KafkaSinkConfig config;
    private final boolean fromBeginning;

    private KafkaEventTail(KafkaSinkConfig config, boolean fromBeginning) {
        this.config = config;
        this.fromBeginning = fromBeginning;
    }

    /**
     * A tail of the event topics of {@code config} (the events topic and every routed topic).
     *
     * @param fromBeginning read from the start of the topics; otherwise only events committed from now on
     */
    public static KafkaEventTail create(KafkaSinkConfig config, boolean fromBeginning) {
        return new KafkaEventTail(config, fromBeginning);
    }

    /** One record read: the decoded event (or the decoding error), its raw JSON value and where it was. */
    public record Tailed(
            @Nullable PresenceEvent event, String json, String topic, int partition, long offset, String error) {}

    /** The committed events, as they arrive. Never completes on its own. */
    public Flux<Tailed> events() {
        return Flux.defer(() -> {
            Scheduler thread = Schedulers.newSingle("roomwatch-tail");
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties());
            return Mono.fromRunnable(() -> consumer.subscribe(topics()))
                    .thenMany(
                            Flux.defer(() -> Flux.fromIterable(poll(consumer))).repeat())
                    .subscribeOn(thread) // the consumer lives on this one thread, resubscriptions included
                    .doFinally(signal -> thread.schedule(() -> close(consumer, thread)));
        });
    }

    private List<Tailed> poll(KafkaConsumer<String, byte[]> consumer) {
        List<Tailed> out = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                out.add(decode(record));
            }
        } catch (InterruptException | WakeupException e) {
            // cancelled while polling: the subscription is over, nothing is lost by returning what we have
            Thread.interrupted();
        }
        return out;
    }

    private static Tailed decode(ConsumerRecord<String, byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        try {
            return new Tailed(
                    EventJson.read(record.value()), json, record.topic(), record.partition(), record.offset(), "");
        } catch (IllegalArgumentException e) {
            return new Tailed(null, json, record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private static void close(KafkaConsumer<String, byte[]> consumer, Scheduler thread) {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        thread.dispose();
    }

    private Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(config.eventsTopic());
        topics.addAll(config.routes().values());
        return topics;
    }

    private Properties properties() {
        Properties props = new Properties();
        props.putAll(config.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "roomwatch-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
