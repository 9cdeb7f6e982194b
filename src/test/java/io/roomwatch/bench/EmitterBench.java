package io.roomwatch.bench;

import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.diff.SnapshotDiff;
import io.roomwatch.kafka.BenchAccess;
import io.roomwatch.kafka.EventRecords;
import io.roomwatch.kafka.KafkaEventSink;
import io.roomwatch.kafka.KafkaSnapshotStore;
import io.roomwatch.kafka.StateRecords;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.StateChange;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import io.roomwatch.sink.AppSession;
import io.roomwatch.testing.ChildProcesses;
import io.roomwatch.testing.SinkDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Figure 1: roomwatch's delivery path against Kafka's own {@code ProducerPerformance}, same broker, same run, same
 * producer settings, same record size.
 *
 * <p>roomwatch: pre-diffed batches (the differ is not timed here, see {@link DiffBench}) of {@code maxBatch} member
 * lists, each from another room of 50 members where 5 leave and 5 earlier ones come back: 10 events per observation,
 * and one state record per room, as the engine hands them to the app's session ({@link AppSession#commit}: the events
 * and the {@link StateChange} of the batch). Timed: serialization
 * (JSON, CloudEvents headers), sends, the transaction per batch, the state records. Counted: events per second.
 *
 * <p>Kafka: {@code ProducerPerformance} in a child JVM with the sink's own producer properties (acks=all, idempotence,
 * max.in.flight 5, linger.ms 5, default batch.size 16384, no compression, buffer.memory 8 MiB), records of roomwatch's
 * measured average event record size (key + value + headers), as many records as roomwatch sent events.
 */
public final class EmitterBench {

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final AppKey APP = AppKey.of(Provider.TENCENT_LIVE, "1400000001");
    private static final int MEMBERS = 50;
    private static final int POOL = 60;
    private static final int CHURN = 5;
    private static final Pattern PP_LINE = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max"
                    + " latency(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th)?");

    private EmitterBench() {}

    /** What one roomwatch run measured. */
    record Run(
            String label,
            long events,
            long stateRecords,
            long transactions,
            double seconds,
            double eventBytes,
            double stateBytes) {
        double eventsPerSecond() {
            return events / seconds;
        }

        double recordsPerSecond() {
            return (events + stateRecords) / seconds;
        }

        double mbPerSecond() {
            return (eventBytes + stateBytes) / seconds / (1024 * 1024);
        }

        double msPerTransaction() {
            return seconds * 1000 / transactions;
        }

        Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("events", events);
            d.put("stateRecords", stateRecords);
            d.put("transactions", transactions);
            d.put("seconds", seconds);
            d.put("eventsPerSecond", eventsPerSecond());
            d.put("recordsPerSecond", recordsPerSecond());
            d.put("MBPerSecondAllRecords", mbPerSecond());
            d.put("msPerCommit", msPerTransaction());
            return d;
        }
    }

    /** What ProducerPerformance printed last. */
    record PerfRun(long records, double recordsPerSecond, double mbPerSecond, double avgLatencyMs, String line) {}

    public static void run(BenchContext ctx) {
        int rooms = ctx.full() ? 4_000 : 400;
        int batches = ctx.full() ? 150 : 10; // of 200 observations, 2 000 events each
        String bootstrap = ctx.bootstrap();
        Map<String, Object> d = new LinkedHashMap<>();

        // warm-up: JIT and broker (untimed)
        measure(
                ctx,
                "warm-up",
                DeliveryMode.EXACTLY_ONCE,
                rooms,
                ctx.full() ? 100 : 2,
                200); // 20 left the first repetition cold

        // interleaved repetitions, the median of each: the broker shares two cores with everything else
        int reps = ctx.full() ? 3 : 1;
        KafkaSinkConfig base = KafkaSinkConfig.defaults(bootstrap);
        Properties props = BenchAccess.producerSettings(base, APP);
        List<Run> eosRuns = new ArrayList<>();
        List<Run> aloRuns = new ArrayList<>();
        List<Run> bigRuns = new ArrayList<>();
        List<Run> pushRuns = new ArrayList<>();
        List<PerfRun> kafkaRuns = new ArrayList<>();
        List<PerfRun> kafkaTxRuns = new ArrayList<>();
        int size = 0;
        double recordSize = 0;
        for (int rep = 0; rep < reps; rep++) {
            Run eosRun = measure(ctx, "exactly-once, maxBatch 200", DeliveryMode.EXACTLY_ONCE, rooms, batches, 200);
            eosRuns.add(eosRun);
            recordSize = eosRun.eventBytes / eosRun.events;
            size = (int) Math.round(recordSize);
            kafkaRuns.add(producerPerformance(ctx, bootstrap, props, eosRun.events, size, null));
            aloRuns.add(measure(ctx, "at-least-once, maxBatch 200", DeliveryMode.AT_LEAST_ONCE, rooms, batches, 200));
            bigRuns.add(
                    measure(ctx, "exactly-once, maxBatch 1000", DeliveryMode.EXACTLY_ONCE, rooms, batches / 5, 1000));
            pushRuns.add(
                    measure(ctx, "exactly-once, 200, callbacks", DeliveryMode.EXACTLY_ONCE, rooms, batches, 200, true));
            long ms = Math.max(1, Math.round(eosRun.msPerTransaction()));
            kafkaTxRuns.add(producerPerformance(ctx, bootstrap, props, eosRun.events, size, ms));
        }
        Run eos = median(eosRuns);
        Run alo = median(aloRuns);
        Run big = median(bigRuns);
        Run push = median(pushRuns);
        PerfRun kafka = kafkaRuns.stream()
                .sorted(java.util.Comparator.comparingDouble(PerfRun::recordsPerSecond))
                .toList()
                .get(reps / 2);
        PerfRun kafkaTx = kafkaTxRuns.stream()
                .sorted(java.util.Comparator.comparingDouble(PerfRun::recordsPerSecond))
                .toList()
                .get(reps / 2);
        long txMs = Math.max(1, Math.round(eos.msPerTransaction()));
        d.put("repetitions (median reported)", reps);
        d.put(
                "all exactly-once events/s",
                eosRuns.stream().map(Run::eventsPerSecond).toList());
        d.put(
                "all ProducerPerformance records/s",
                kafkaRuns.stream().map(PerfRun::recordsPerSecond).toList());
        double ratio = eos.eventsPerSecond() / kafka.recordsPerSecond();
        d.put("recordSizeBytes(key+value+headers)", recordSize);
        d.put("stateRecordSizeBytes", eos.stateBytes / eos.stateRecords);
        d.put("producerSettings", printable(props));
        d.put("roomwatch exactly-once maxBatch 200", eos.details());
        d.put("roomwatch at-least-once maxBatch 200", alo.details());
        d.put("roomwatch exactly-once maxBatch 1000", big.details());
        d.put("roomwatch exactly-once maxBatch 200, app taking callbacks", push.details());
        d.put("ProducerPerformance", kafka.line());
        d.put("ProducerPerformance transactions of " + txMs + " ms", kafkaTx.line());
        d.put("ratio exactly-once / ProducerPerformance", ratio);
        d.put("ratio at-least-once / ProducerPerformance", alo.eventsPerSecond() / kafka.recordsPerSecond());
        d.put(
                "ratio exactly-once maxBatch 1000 / ProducerPerformance",
                big.eventsPerSecond() / kafka.recordsPerSecond());
        d.put(
                "ratio exactly-once / ProducerPerformance with same transaction length",
                eos.eventsPerSecond() / kafkaTx.recordsPerSecond());
        d.put(
                "ratio all records (events+state) exactly-once / ProducerPerformance",
                eos.recordsPerSecond() / kafka.recordsPerSecond());
        ctx.results()
                .add(
                        "emitter.ratio",
                        "Emitter throughput / Kafka ProducerPerformance (exactly-once, 200 observations per transaction)",
                        ">= 0.9",
                        Results.f(
                                "%.2f (%.0f vs %.0f records/s of %d B)",
                                ratio, eos.eventsPerSecond(), kafka.recordsPerSecond(), size),
                        ctx.full() ? ratio >= 0.9 : null,
                        d);
        ctx.results()
                .add(
                        "emitter.ratio.alo",
                        "Emitter throughput / ProducerPerformance, at-least-once",
                        "-",
                        Results.f(
                                "%.2f (%.0f events/s)",
                                alo.eventsPerSecond() / kafka.recordsPerSecond(), alo.eventsPerSecond()),
                        null,
                        alo.details());
        ctx.results()
                .add(
                        "emitter.ratio.batch1000",
                        "Emitter throughput / ProducerPerformance, exactly-once, 1000 observations per transaction",
                        "-",
                        Results.f(
                                "%.2f (%.0f events/s)",
                                big.eventsPerSecond() / kafka.recordsPerSecond(), big.eventsPerSecond()),
                        null,
                        big.details());
        ctx.results()
                .add(
                        "emitter.ratio.callbacks",
                        "Emitter throughput / ProducerPerformance, exactly-once, an app taking callbacks (state records"
                                + " carry evidence times)",
                        "-",
                        Results.f(
                                "%.2f (%.0f events/s, state records of %.0f B)",
                                push.eventsPerSecond() / kafka.recordsPerSecond(),
                                push.eventsPerSecond(),
                                push.stateBytes / push.stateRecords),
                        null,
                        push.details());
        ctx.results()
                .add(
                        "emitter.ratio.sameTx",
                        "Emitter throughput / ProducerPerformance with transactions of the same length",
                        "-",
                        Results.f(
                                "%.2f (%.0f vs %.0f records/s, %d ms transactions)",
                                eos.eventsPerSecond() / kafkaTx.recordsPerSecond(),
                                eos.eventsPerSecond(),
                                kafkaTx.recordsPerSecond(),
                                txMs),
                        null,
                        Map.of("ProducerPerformance", kafkaTx.line()));
    }

    /** Diffs {@code batches} batches of {@code perBatch} member lists (untimed), then times their commits. */
    static Run measure(BenchContext ctx, String label, DeliveryMode mode, int rooms, int batches, int perBatch) {
        return measure(ctx, label, mode, rooms, batches, perBatch, false);
    }

    /**
     * As above; {@code pushes}: the app takes callbacks, so each changed room's state record also carries the moments
     * of its recent changes (evidence times).
     */
    static Run measure(
            BenchContext ctx, String label, DeliveryMode mode, int rooms, int batches, int perBatch, boolean pushes) {
        KafkaSinkConfig config = KafkaSinkConfig.defaults(ctx.bootstrap())
                .withEventsTopic(ctx.unique("emitter-events"))
                .withStateTopic(ctx.unique("emitter-state"))
                .withTransactionalIdPrefix(ctx.unique("emitter") + "-")
                .withDeliveryMode(mode);
        Workload work = new Workload(rooms, pushes);
        KafkaEventSink sink = KafkaEventSink.create(config);
        SinkDriver driver = new SinkDriver(sink, KafkaSnapshotStore.create(config));
        driver.load(APP);
        // the rooms exist before the timed part: their first state records are not part of the steady state
        List<RoomState> initial = new ArrayList<>(work.state.live().values());
        for (int i = 0; i < initial.size(); i += 500) {
            driver.commit(
                            APP,
                            List.of(new Transition(
                                    List.of(), initial.subList(i, Math.min(initial.size(), i + 500)), List.of())))
                    .block(WAIT);
        }
        // what the engine hands the session per batch: the events and the state change (its fold is not timed here)
        List<StateChange> changes = new ArrayList<>();
        List<List<PresenceEvent>> eventsPerBatch = new ArrayList<>();
        long events = 0;
        long stateRecords = 0;
        double eventBytes = 0;
        double stateBytes = 0;
        for (int b = 0; b < batches; b++) {
            AppState before = work.state;
            List<Transition> batch = work.nextBatch(perBatch);
            List<PresenceEvent> batchEvents = new ArrayList<>();
            Set<String> touched = new HashSet<>();
            for (Transition t : batch) {
                batchEvents.addAll(t.events());
                t.upserted().forEach(room -> touched.add(room.ref().key().roomId()));
                t.ended().forEach(room -> touched.add(room.ref().key().roomId()));
            }
            StateChange change = new StateChange(before, work.state, touched);
            changes.add(change);
            eventsPerBatch.add(batchEvents);
            for (PresenceEvent e : batchEvents) {
                events++;
                eventBytes += size(EventRecords.toRecord(config.eventsTopic(), e));
            }
            for (ProducerRecord<String, byte[]> r : StateRecords.changes(config.stateTopic(), change)) {
                stateRecords++;
                stateBytes += size(r);
            }
        }
        AppSession session = driver.session(APP);
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            session.commit(changes.get(b), eventsPerBatch.get(b)).block(WAIT);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sink.close(Duration.ofSeconds(10)).block(WAIT);
        Run run = new Run(label, events, stateRecords, batches, seconds, eventBytes, stateBytes);
        System.out.printf(
                "emitter %-30s %8d events + %6d state records in %6.2f s: %8.0f events/s, %6.1f MB/s, %5.1f ms/commit%n",
                label, events, stateRecords, seconds, run.eventsPerSecond(), run.mbPerSecond(), run.msPerTransaction());
        return run;
    }

    /**
     * The workload of {@link #measure}, prepared for another delivery path (the Kafka Connect benchmark): the change
     * that creates the rooms (untimed there too), then per batch the events and the state change.
     */
    public record Prepared(
            AppKey app, StateChange initial, List<StateChange> changes, List<List<PresenceEvent>> events) {

        /** Events over all batches. */
        public long eventCount() {
            return events.stream().mapToLong(List::size).sum();
        }
    }

    /** {@code batches} batches of {@code perBatch} member lists over {@code rooms} rooms, diffed (untimed). */
    public static Prepared prepare(int rooms, int batches, int perBatch) {
        Workload work = new Workload(rooms, false);
        StateChange initial = StateChange.between(AppState.empty(APP), work.state);
        List<StateChange> changes = new ArrayList<>();
        List<List<PresenceEvent>> events = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            AppState before = work.state;
            List<PresenceEvent> batchEvents = new ArrayList<>();
            Set<String> touched = new HashSet<>();
            for (Transition t : work.nextBatch(perBatch)) {
                batchEvents.addAll(t.events());
                t.upserted().forEach(room -> touched.add(room.ref().key().roomId()));
                t.ended().forEach(room -> touched.add(room.ref().key().roomId()));
            }
            changes.add(new StateChange(before, work.state, touched));
            events.add(batchEvents);
        }
        return new Prepared(APP, initial, changes, events);
    }

    private static Run median(List<Run> runs) {
        return runs.stream()
                .sorted(java.util.Comparator.comparingDouble(Run::eventsPerSecond))
                .toList()
                .get(runs.size() / 2);
    }

    /** Serialized size of a record as the tool's --record-size counts a payload: key + value + header keys and values. */
    static int size(ProducerRecord<String, byte[]> record) {
        int n = record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length;
        n += record.value() == null ? 0 : record.value().length;
        for (Header h : record.headers()) {
            n += h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length);
        }
        return n;
    }

    /** Rooms of 50 members from a pool of 60 per room; each observation: the 5 longest present leave, 5 absent come back. */
    static final class Workload {
        private final List<String> roomIds = new ArrayList<>();
        private final Map<String, List<String>> pools = new HashMap<>();
        private final Map<String, Integer> turn = new HashMap<>();
        AppState state;
        private final boolean pushes;
        private int next;
        private Instant now = Populations.T0;

        Workload(int rooms, boolean pushes) {
            this.pushes = pushes;
            SplittableRandom random = new SplittableRandom(3);
            Map<String, RoomState> live = new HashMap<>();
            for (int i = 0; i < rooms; i++) {
                String roomId = String.format(java.util.Locale.ROOT, "room-%06d", i);
                List<String> pool = new ArrayList<>();
                for (int u = 0; u < POOL; u++) {
                    pool.add(Populations.userId(random));
                }
                Map<String, Visibility> present = new HashMap<>();
                pool.subList(0, MEMBERS).forEach(u -> present.put(u, Visibility.VISIBLE));
                RoomState room = Populations.joined(
                        RoomState.created(
                                new io.roomwatch.model.RoomRef(APP.room(roomId), "1763805600"), Populations.T0),
                        present);
                live.put(roomId, room);
                roomIds.add(roomId);
                pools.put(roomId, pool);
                turn.put(roomId, 0);
            }
            state = new AppState(APP, live, Map.of(), null);
        }

        List<Transition> nextBatch(int observations) {
            List<Transition> batch = new ArrayList<>();
            AppState.Builder working = state.toBuilder();
            for (int i = 0; i < observations; i++) {
                String roomId = roomIds.get(next++ % roomIds.size());
                int k = turn.merge(roomId, 1, Integer::sum);
                List<String> pool = pools.get(roomId);
                Map<String, Visibility> listed = new HashMap<>();
                // a sliding window of MEMBERS over the pool: CHURN leave at the tail, CHURN come back at the head
                for (int m = 0; m < MEMBERS; m++) {
                    listed.put(pool.get((k * CHURN + m) % POOL), Visibility.VISIBLE);
                }
                now = now.plusMillis(5);
                RoomState room = working.live(roomId);
                Transition t = SnapshotDiff.members(
                        room, new MemberList(room.ref(), Completeness.COMPLETE, listed, now), 1, pushes);
                batch.add(t);
                working.apply(t);
            }
            state = working.build();
            return batch;
        }
    }

    /** Runs Kafka's ProducerPerformance in a child JVM on this class path against a fresh 3-partition topic. */
    static PerfRun producerPerformance(
            BenchContext ctx,
            String bootstrap,
            Properties producer,
            long records,
            int recordSize,
            @Nullable Long transactionMs) {
        String topic = ctx.unique("perf");
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.apache.kafka.tools.ProducerPerformance");
        cmd.addAll(List.of(
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1"));
        if (transactionMs != null) {
            cmd.addAll(List.of(
                    "--transaction-duration-ms",
                    Long.toString(transactionMs),
                    "--transactional-id",
                    ctx.unique("perf-tx")));
        }
        cmd.add("--producer-props");
        for (String key : producer.stringPropertyNames()) {
            if (key.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG)
                    || key.equals(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)
                    || key.equals(ProducerConfig.CLIENT_ID_CONFIG)
                    || key.endsWith("serializer")) {
                continue; // the tool sets its own serializers; the transactional id is an option of its own
            }
            cmd.add(key + "=" + producer.getProperty(key));
        }
        try {
            Process p = ChildProcesses.start(new ProcessBuilder(cmd).redirectErrorStream(true));
            String last = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = PP_LINE.matcher(line);
                    if (m.find()) {
                        last = line.trim();
                    }
                }
            }
            int exit = p.waitFor();
            Matcher m = last == null ? null : PP_LINE.matcher(last);
            if (exit != 0 || m == null || !m.find()) {
                throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "): " + last);
            }
            PerfRun run = new PerfRun(
                    Long.parseLong(m.group(1)),
                    Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)),
                    last);
            System.out.println("ProducerPerformance"
                    + (transactionMs == null ? "" : " (transactions of " + transactionMs + " ms)") + ": " + last);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> printable(Properties props) {
        Map<String, String> m = new java.util.TreeMap<>();
        props.stringPropertyNames().forEach(k -> m.put(k, props.getProperty(k)));
        return m;
    }
}
