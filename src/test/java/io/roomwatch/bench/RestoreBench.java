package io.roomwatch.bench;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.kafka.KafkaEventSink;
import io.roomwatch.kafka.KafkaSnapshotStore;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Transition;
import io.roomwatch.testing.SinkDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 6: restore time. Writes the state of rooms x 100 members through the real sink (state records of the real
 * codec, exactly-once transactions of 500 rooms), then times {@link KafkaSnapshotStore#load} from a fresh store, as a
 * restarted instance would do it.
 */
public final class RestoreBench {

    private static final Duration WAIT = Duration.ofMinutes(5);

    private RestoreBench() {}

    public static void run(BenchContext ctx) {
        int rooms = ctx.full() ? 10_000 : 200;
        int perRoom = 100;
        AppKey app = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
        KafkaSinkConfig config = KafkaSinkConfig.defaults(ctx.bootstrap())
                .withEventsTopic(ctx.unique("restore-events"))
                .withStateTopic(ctx.unique("restore-state"))
                .withTransactionalIdPrefix(ctx.unique("restore") + "-");
        AppState state = Populations.appState(app, rooms, perRoom, 11);
        KafkaEventSink kafkaSink = KafkaEventSink.create(config);
        SinkDriver sink = new SinkDriver(kafkaSink, KafkaSnapshotStore.create(config));
        long w0 = System.nanoTime();
        sink.load(app);
        List<RoomState> all = new ArrayList<>(state.live().values());
        for (int i = 0; i < all.size(); i += 500) {
            List<RoomState> chunk = all.subList(i, Math.min(all.size(), i + 500));
            sink.commit(app, List.of(new Transition(List.of(), chunk, List.of())))
                    .block(WAIT);
        }
        kafkaSink.close(Duration.ofSeconds(10)).block(WAIT);
        double writeSeconds = (System.nanoTime() - w0) / 1e9;

        long r0 = System.nanoTime();
        AppState restored = KafkaSnapshotStore.create(config).load(app).block(WAIT);
        double seconds = (System.nanoTime() - r0) / 1e9;
        long members = restored.live().values().stream()
                .mapToLong(r -> r.members().size())
                .sum();
        if (!restored.equals(state)) {
            throw new IllegalStateException("restored state differs from the one written");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rooms", rooms);
        d.put("members", members);
        d.put("stateRecords", rooms);
        d.put("writeSeconds", writeSeconds);
        d.put("restoreSeconds", seconds);
        d.put("membersPerSecond", members / seconds);
        d.put("restoredEqualsWritten", true);
        ctx.results()
                .add(
                        "restore.seconds",
                        "Restore time (" + members + " members, " + rooms + " room records)",
                        "< 10 s",
                        Results.f("%.2f s", seconds),
                        ctx.full() ? seconds < 10 : null,
                        d);
    }
}
