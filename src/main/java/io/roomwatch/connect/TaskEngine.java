package io.roomwatch.connect;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomwatch.config.AppConfig;
import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.RoomwatchConfig;
import io.roomwatch.kafka.KafkaSnapshotStore;
import io.roomwatch.model.AppKey;
import io.roomwatch.poll.AppPoller;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.VendorMeters;
import io.roomwatch.provider.vendors.Providers;
import io.roomwatch.sink.SinkFenced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.TransactionContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What one Connect task runs: one {@link AppPoller} per app of the task, with the same providers and state store as
 * the standalone service and a {@link ConnectSink} whose deliveries {@link #poll} hands to Connect. An app that stops
 * (credentials rejected, a state record dropped) fails the task, so the Connect REST API shows the task FAILED with the
 * app and the reason; the other apps of the task stop with it, and restarting the task starts them all again.
 */
final class TaskEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);

    private final Handoff handoff;
    private final @Nullable TransactionContext transactions;
    private final List<AutoCloseable> resources;
    private final MeterRegistry registry;
    private final Disposable running;
    private final AtomicReference<@Nullable Throwable> failure;

    private TaskEngine(
            Handoff handoff,
            @Nullable TransactionContext transactions,
            List<AutoCloseable> resources,
            MeterRegistry registry,
            Disposable running,
            AtomicReference<@Nullable Throwable> failure) {
        this.handoff = handoff;
        this.transactions = transactions;
        this.resources = resources;
        this.registry = registry;
        this.running = running;
        this.failure = failure;
    }

    /**
     * Starts polling {@code apps} of {@code config}.
     *
     * @param transactions Connect's transaction context (exactly-once) or null (at-least-once)
     * @param lastBatches per app, the batch number of its last committed Connect offset
     * @param registry the task's meters (bridged to the worker's metrics by the caller)
     */
    static TaskEngine start(
            RoomwatchConfig config,
            List<AppConfig> apps,
            @Nullable TransactionContext transactions,
            Map<AppKey, Long> lastBatches,
            MeterRegistry registry) {
        Scheduler timer = Schedulers.parallel();
        Handoff handoff = new Handoff(apps.size());
        boolean exactlyOnce = config.kafka().deliveryMode() == DeliveryMode.EXACTLY_ONCE;
        ConnectSink sink = new ConnectSink(config.kafka(), exactlyOnce, handoff, timer, lastBatches);
        KafkaSnapshotStore store = KafkaSnapshotStore.create(config.kafka());
        List<AutoCloseable> resources = new ArrayList<>();
        List<AppPoller> pollers = new ArrayList<>();
        for (AppConfig spec : apps) {
            RtcProvider provider = Providers.create(spec.source(), timer, resources);
            VendorMeters.of(provider.budgets()).bindTo(registry);
            pollers.add(AppPoller.create(provider, sink, store, spec.poll(), timer, registry));
        }
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        Disposable running = Flux.merge(pollers.stream()
                        .map(poller -> poller.run().onErrorResume(e -> stopped(poller.app(), e, failure)))
                        .toList())
                .subscribe();
        return new TaskEngine(handoff, transactions, resources, registry, running, failure);
    }

    private static Flux<io.roomwatch.poll.CycleReport> stopped(
            AppKey app, Throwable error, AtomicReference<@Nullable Throwable> failure) {
        log.error("{} stopped: {}", app, error.getMessage());
        failure.compareAndSet(null, new ConnectException(app + " stopped: " + error.getMessage(), error));
        return Flux.empty();
    }

    /**
     * The records of every batch handed over within {@code wait} (waits only while none is); null if none. In
     * exactly-once mode, asks Connect to commit the transaction after each batch's last record. Throws the failure of
     * an app that stopped, which fails the task.
     */
    @Nullable
    List<SourceRecord> poll(Duration wait) throws InterruptedException {
        Throwable failed = failure.get();
        if (failed != null) {
            throw failed instanceof ConnectException connect ? connect : new ConnectException(failed);
        }
        List<Delivery> deliveries = handoff.take(wait);
        return deliveries.isEmpty() ? null : handOver(deliveries, transactions);
    }

    /**
     * The records of {@code deliveries}, in order; with a transaction context, a commit is requested after each
     * delivery's last record, so that one delivery (one roomwatch batch) is one Connect transaction.
     */
    static List<SourceRecord> handOver(List<Delivery> deliveries, @Nullable TransactionContext transactions) {
        List<SourceRecord> records = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            records.addAll(delivery.records());
            if (transactions != null) {
                transactions.commitTransaction(delivery.last());
            }
        }
        return records;
    }

    /** Stops polling, fails what waits for Connect, closes the vendor clients. */
    @Override
    public void close() {
        running.dispose();
        handoff.close(app -> new SinkFenced(app, "the Connect task stopped", null));
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        registry.close();
    }

    /** A registry for a task's meters. */
    static MeterRegistry newRegistry() {
        return new SimpleMeterRegistry();
    }
}
