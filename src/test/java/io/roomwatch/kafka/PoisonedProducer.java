package io.roomwatch.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.jspecify.annotations.Nullable;

/**
 * A real producer that fails the next send matching a poison (once, through the callback, as a lost connection would)
 * and records the order of sends and acknowledgements ({@code send:<topic>}, {@code ack:<topic>}).
 */
final class PoisonedProducer implements Producer<String, byte[]> {

    private final Producer<String, byte[]> delegate;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile Predicate<ProducerRecord<String, byte[]>> poison = record -> false;
    private volatile @Nullable KafkaException endTxnError;
    private volatile Runnable beforeEndTxnError = () -> {};

    PoisonedProducer(Producer<String, byte[]> delegate) {
        this.delegate = delegate;
    }

    /** Fails the next send matching {@code predicate}; later ones go through. */
    void poisonNext(Predicate<ProducerRecord<String, byte[]>> predicate) {
        poison = predicate;
    }

    /**
     * From now on, {@code commitTransaction} and {@code abortTransaction} throw {@code error} instead of reaching the
     * broker, as the producer does once an {@code EndTxn} answer left it in a fatal state.
     */
    void failEndTxn(KafkaException error) {
        failEndTxn(error, () -> {});
    }

    /** As {@link #failEndTxn(KafkaException)}, running {@code first} (once) before the first failing call. */
    void failEndTxn(KafkaException error, Runnable first) {
        beforeEndTxnError = first;
        endTxnError = error;
    }

    private void throwIfEndTxnFails() {
        KafkaException error = endTxnError;
        if (error != null) {
            Runnable first = beforeEndTxnError;
            beforeEndTxnError = () -> {};
            first.run();
            throw error;
        }
    }

    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        log.add("send:" + record.topic());
        if (poison.test(record)) {
            poison = r -> false;
            NetworkException injected = new NetworkException("injected failure on " + record.key());
            callback.onCompletion(null, injected);
            return CompletableFuture.failedFuture(injected);
        }
        return delegate.send(record, (metadata, error) -> {
            log.add((error == null ? "ack:" : "fail:") + record.topic());
            callback.onCompletion(metadata, error);
        });
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return send(record, (metadata, error) -> {});
    }

    @Override
    public void initTransactions() {
        delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
        delegate.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
        delegate.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
        throwIfEndTxnFails();
        delegate.commitTransaction();
    }

    @Override
    public void abortTransaction() {
        throwIfEndTxnFails();
        delegate.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void close(Duration timeout) {
        delegate.close(timeout);
    }
}
