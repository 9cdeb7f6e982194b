package io.roomwatch.connect;

import io.roomwatch.bench.EmitterBench;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * For {@code ConnectBench} only: roomwatch's Connect delivery path ({@link ConnectSession}, {@link Handoff}, {@link
 * TaskEngine#handOver}, {@code commitRecord}) fed with {@link EmitterBench}'s pre-diffed batches instead of the engine,
 * so that it measures the same thing as the emitter benchmark does for the standalone sink: the time from the first
 * batch handed over to the last one reported committed. One task; it logs a {@code BENCH-RESULT} line and then idles.
 * Keys: {@code bench.bootstrap}, {@code bench.rooms}, {@code bench.batches}, {@code bench.perBatch}, {@code
 * bench.events.topic}, {@code bench.state.topic}.
 */
public final class BenchSourceConnector extends SourceConnector {

    private Map<String, String> props = Map.of();

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return BenchTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public String version() {
        return "bench";
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.SUPPORTED;
    }

    /** Commits the prepared batches one after the other, as the engine does, on its own thread. */
    public static final class BenchTask extends SourceTask {

        private static final Logger log = LoggerFactory.getLogger(BenchTask.class);
        private volatile @Nullable Handoff handoff;
        private volatile @Nullable Thread feeder;

        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(Map<String, String> props) {
            KafkaSinkConfig kafka = KafkaSinkConfig.defaults(props.get("bench.bootstrap"))
                    .withEventsTopic(props.get("bench.events.topic"))
                    .withStateTopic(props.get("bench.state.topic"));
            Topics.ensure(kafka);
            EmitterBench.Prepared work = EmitterBench.prepare(
                    Integer.parseInt(props.get("bench.rooms")),
                    Integer.parseInt(props.get("bench.batches")),
                    Integer.parseInt(props.get("bench.perBatch")));
            Handoff started = new Handoff(1);
            boolean transactional = context.transactionContext() != null;
            ConnectSession session =
                    new ConnectSession(work.app(), kafka, transactional, started, Schedulers.boundedElastic(), 0);
            handoff = started;
            Thread thread = new Thread(() -> feed(session, work, transactional), "bench-feeder");
            thread.setDaemon(true);
            feeder = thread;
            thread.start();
        }

        private static void feed(ConnectSession session, EmitterBench.Prepared work, boolean transactional) {
            Duration max = Duration.ofMinutes(5);
            session.commit(work.initial(), List.of()).block(max); // the rooms exist first: untimed
            long t0 = System.nanoTime();
            for (int b = 0; b < work.changes().size(); b++) {
                session.commit(work.changes().get(b), work.events().get(b)).block(max);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            log.warn(String.format(
                    Locale.ROOT,
                    "BENCH-RESULT events=%d batches=%d seconds=%.3f eventsPerSecond=%.0f transactional=%s",
                    work.eventCount(),
                    work.changes().size(),
                    seconds,
                    work.eventCount() / seconds,
                    transactional));
        }

        @Override
        public @Nullable List<SourceRecord> poll() throws InterruptedException {
            Handoff started = handoff;
            if (started == null) {
                return null;
            }
            List<Delivery> deliveries = started.take(Duration.ofMillis(500));
            return deliveries.isEmpty() ? null : TaskEngine.handOver(deliveries, context.transactionContext());
        }

        @Override
        public void commitRecord(SourceRecord record, @Nullable RecordMetadata metadata) {
            if (record instanceof BatchRecord handed) {
                handed.delivery().acknowledged(record, metadata);
            }
        }

        @Override
        public void stop() {
            Handoff started = handoff;
            if (started != null) {
                started.close(app -> new io.roomwatch.sink.SinkFenced(app, "bench task stopped", null));
            }
            Thread thread = feeder;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
