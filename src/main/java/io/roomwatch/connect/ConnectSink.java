package io.roomwatch.connect;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.sink.AppSession;
import io.roomwatch.sink.EventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link EventSink} of a Connect task: the second delivery path for the same engine ({@link ConnectSession}).
 * Opening an app claims nothing and fences nothing: Connect assigned the app to this task and fences the tasks of
 * earlier generations itself, before this one started.
 */
final class ConnectSink implements EventSink {

    private final KafkaSinkConfig kafka;
    private final boolean transactional;
    private final Handoff handoff;
    private final Scheduler signals;
    private final Map<AppKey, Long> lastBatches;
    private final Map<AppKey, ConnectSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param lastBatches per app, the batch number of the offset Connect last committed (0 if none)
     */
    ConnectSink(
            KafkaSinkConfig kafka,
            boolean transactional,
            Handoff handoff,
            Scheduler signals,
            Map<AppKey, Long> lastBatches) {
        this.kafka = kafka;
        this.transactional = transactional;
        this.handoff = handoff;
        this.signals = signals;
        this.lastBatches = Map.copyOf(lastBatches);
    }

    @Override
    public Mono<AppSession> open(AppKey app) {
        return Mono.fromSupplier(() -> sessions.computeIfAbsent(
                app,
                key -> new ConnectSession(
                        key, kafka, transactional, handoff, signals, lastBatches.getOrDefault(key, 0L))));
    }
}
