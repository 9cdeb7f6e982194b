package io.roomwatch.connect;

import io.micrometer.core.instrument.MeterRegistry;
import io.roomwatch.config.AppConfig;
import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.RoomwatchConfig;
import io.roomwatch.kafka.Topics;
import io.roomwatch.model.AppKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs roomwatch's engine for the apps the connector assigned to this task and hands their batches to Connect.
 *
 * <ul>
 *   <li>{@link #start}: reads the configuration, checks that exactly-once delivery has Connect's transactions,
 *       creates the topics if missing, reads the apps' last Connect offsets (batch numbers) and starts the engine,
 *       which restores each app's state from the state topic ({@code read_committed}) before its first poll.
 *   <li>{@link #poll}: returns the records of the batches handed over, waiting at most {@value #POLL_WAIT_MILLIS} ms
 *       when there is none, so the worker regains control quickly to pause, stop or commit. In exactly-once mode each
 *       batch is one transaction ({@code TransactionContext.commitTransaction(lastRecord)}).
 *   <li>{@link #commitRecord}: Connect reports a record written (in exactly-once mode, after its transaction
 *       committed); the batch's commit completes with its last record.
 *   <li>{@link #stop}: stops the engine; anything not yet committed is redone by the next task of these apps from the
 *       state topic.
 * </ul>
 */
public final class RoomwatchSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(RoomwatchSourceTask.class);
    private static final long POLL_WAIT_MILLIS = 500;

    private volatile @Nullable TaskEngine engine;

    @Override
    public String version() {
        return RoomwatchSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        RoomwatchConfig config = ConnectorSettings.load(props, System.getenv());
        List<AppConfig> apps = ConnectorSettings.taskApps(props).stream()
                .map(config.apps()::get)
                .toList();
        TransactionContext transactions = context.transactionContext();
        if (config.kafka().deliveryMode() == DeliveryMode.EXACTLY_ONCE && transactions == null) {
            throw new ConnectException("kafka.delivery is exactly-once, but Connect gives this task no transactions:"
                    + " run it on workers with exactly.once.source.support=enabled and set transaction.boundary=connector"
                    + " in the connector's configuration, or set kafka.delivery: at-least-once");
        }
        try {
            Topics.ensure(config.kafka());
        } catch (org.apache.kafka.common.KafkaException e) {
            // the task fails with the reason in the REST status; restarting it (or the connector) retries
            throw new ConnectException(
                    "cannot create roomwatch's topics on " + config.kafka().bootstrapServers(), e);
        }
        MeterRegistry registry = TaskEngine.newRegistry();
        PluginMeters.bridge(registry, context.pluginMetrics());
        engine = TaskEngine.start(config, apps, transactions, lastBatches(apps), registry);
        log.info(
                "roomwatch task started: {} ({}, {})",
                apps.stream().map(AppConfig::app).toList(),
                config.kafka().deliveryMode() == DeliveryMode.EXACTLY_ONCE
                        ? "exactly-once, one transaction per batch"
                        : "at-least-once",
                transactions == null ? "no transaction context" : "connector-defined transactions");
    }

    /** Per app, the batch number of the offset Connect committed last (0 if none): batch numbers keep growing. */
    private Map<AppKey, Long> lastBatches(List<AppConfig> apps) {
        List<Map<String, String>> partitions =
                apps.stream().map(app -> ConnectSession.partition(app.app())).toList();
        Map<Map<String, String>, Map<String, Object>> offsets =
                context.offsetStorageReader().offsets(partitions);
        Map<AppKey, Long> last = new HashMap<>();
        for (AppConfig app : apps) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(ConnectSession.partition(app.app()));
            if (offset != null && offset.get("batch") instanceof Number batch) {
                last.put(app.app(), batch.longValue());
            }
        }
        return last;
    }

    @Override
    public @Nullable List<SourceRecord> poll() throws InterruptedException {
        TaskEngine running = engine;
        if (running == null) {
            return null; // stopped while Connect was about to poll (Connect polls only after start)
        }
        return running.poll(Duration.ofMillis(POLL_WAIT_MILLIS));
    }

    @Override
    public void commitRecord(SourceRecord record, @Nullable RecordMetadata metadata) {
        if (record instanceof BatchRecord handed) {
            handed.delivery().acknowledged(record, metadata);
        }
    }

    @Override
    public void stop() {
        TaskEngine running = engine;
        engine = null;
        if (running != null) {
            running.close();
            log.info("roomwatch task stopped");
        }
    }
}
