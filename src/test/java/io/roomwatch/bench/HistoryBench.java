package io.roomwatch.bench;

import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.kafka.StateRecords;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.Observation;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.poll.BenchAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Figure (issue 13): state size after 30 days of churn with unique room ids. A Volcengine-like app gets {@code rate}
 * new rooms a day, each with an id of its own, living 5 to 55 minutes; a sweep every 10 minutes lists them as the
 * vendor does (20 s late, finished ones with their end), through the engine's own diff; every hour, as the engine
 * does, ended incarnations older than the 15-day history horizon are forgotten. The state topic is kept as compaction
 * would keep it (last value per key, a tombstone removes the key). Printed beside the bound the horizon implies
 * ({@code rate x 15 days} room ids) and what the state would hold without pruning (every room id ever seen).
 */
public final class HistoryBench {

    private static final Duration HORIZON = Duration.ofDays(15);
    private static final Duration SWEEP = Duration.ofMinutes(10);
    private static final Duration DELAY = Duration.ofSeconds(20);

    private HistoryBench() {}

    private record Room(String id, Instant created, Instant ended) {}

    public static void run(BenchContext ctx) throws InterruptedException {
        int days = ctx.full() ? 30 : 3;
        int perDay = ctx.full() ? 10_000 : 1_000;
        AppKey app = AppKey.of(Provider.VOLCENGINE, "history");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(days));
        List<Room> rooms = rooms(start, end, perDay);
        int roomsEver = rooms.size();

        AppState state = AppState.empty(app);
        HeldAnswers held = HeldAnswers.none();
        Map<String, Integer> topic = new HashMap<>(); // key -> value bytes, as compaction keeps it
        long topicBytes = 0;
        int next = 0;
        Instant lastPrune = start;
        Instant watermark = start;
        int peakMarks = 0;
        long peakBytes = 0;
        Map<Integer, String> daily = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Instant now = start.plus(SWEEP); !now.isAfter(end); now = now.plus(SWEEP)) {
            Instant asOf = now.minus(DELAY);
            List<RoomSighting> listed = new ArrayList<>();
            while (next < rooms.size() && !rooms.get(next).created().isAfter(asOf)) {
                next++;
            }
            for (int i = Math.max(0, next - 2_000); i < next; i++) { // rooms created since the watermark
                Room r = rooms.get(i);
                if (!r.created().isBefore(watermark)) {
                    listed.add(
                            r.ended().isAfter(asOf)
                                    ? RoomSighting.live(r.id(), "call-" + r.id(), r.created())
                                    : RoomSighting.ended(r.id(), "call-" + r.id(), r.created(), r.ended()));
                }
            }
            // rooms listed earlier end through member polls (RoomExists=false) in the engine; here their end is
            // handed to the diff as a listing of the finished call, the same evidence
            for (int i = Math.max(0, next - 2_000); i < next; i++) {
                Room r = rooms.get(i);
                if (r.created().isBefore(watermark)
                        && !r.ended().isAfter(asOf)
                        && state.live().containsKey(r.id())) {
                    listed.add(RoomSighting.ended(r.id(), "call-" + r.id(), r.created(), r.ended()));
                }
            }
            RoomSweep sweep = new RoomSweep(app, Completeness.PARTIAL, listed, now, asOf);
            watermark = asOf;
            BenchAccess.Diffed diffed =
                    BenchAccess.diff(state, held, List.<Observation>of(sweep), AttributionMode.SAFE);
            AppState after = diffed.next();
            held = diffed.held();
            if (Duration.between(lastPrune, now).compareTo(Duration.ofHours(1)) >= 0) {
                after = after.forgetRetiredBefore(now.minus(HORIZON)); // as the engine does, hourly
                lastPrune = now;
            }
            for (ProducerRecord<String, byte[]> record : StateRecords.changes("state", state, after)) {
                Integer old = record.value() == null
                        ? topic.remove(record.key())
                        : topic.put(record.key(), record.value().length);
                topicBytes += (record.value() == null ? 0 : record.value().length) - (old == null ? 0 : old);
            }
            state = after;
            peakMarks = Math.max(peakMarks, state.retired().size());
            peakBytes = Math.max(peakBytes, topicBytes);
            int day = (int) Duration.between(start, now).toDays();
            daily.put(day, state.retired().size() + " marks, " + topic.size() + " keys, " + topicBytes + " B");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int marks = state.retired().size();
        int live = state.live().size();
        retained = state; // the only reference left: measured with it, then without it
        state = null;
        held = null;
        rooms = null;
        long with = MemoryBench.retainedHeap();
        retained = null;
        long heap = with - MemoryBench.retainedHeap();

        long bound = (long) perDay * HORIZON.toDays();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("days", days);
        d.put("newRoomsPerDay", perDay);
        d.put("roomsEver", roomsEver);
        d.put("historyHorizonDays", HORIZON.toDays());
        d.put("finalRetiredMarks", marks);
        d.put("peakRetiredMarks", peakMarks);
        d.put("finalLiveRooms", live);
        d.put("stateTopicKeys", topic.size());
        d.put("stateTopicBytes", topicBytes);
        d.put("peakStateTopicBytes", peakBytes);
        d.put("retainedHeapBytes", heap);
        d.put("boundRoomIds", bound);
        d.put("withoutPruningRoomIds", roomsEver);
        d.put("perDay", daily);
        d.put("simulationSeconds", seconds);
        d.put(
                "method",
                "sweeps every 10 min through the engine's diff (20 s listing delay), hourly pruning as the"
                        + " engine does, the state topic kept as compaction would; heap: MemoryMXBean after GCs");
        ctx.results()
                .add(
                        "history.stateAfterDays",
                        "State after " + days + " days at " + perDay + " new rooms a day (unique ids, 15-day history)",
                        "bounded: <= " + bound + " room ids (rate x horizon); without pruning " + roomsEver,
                        Results.f(
                                "%d room ids, %d state-topic keys, %.1f MB topic, %.1f MB heap",
                                marks + live, topic.size(), topicBytes / 1e6, heap / 1e6),
                        marks + live <= bound * 1.05,
                        d);
    }

    private static volatile Object retained;

    /** {@code perDay} rooms a day with ids of their own, each living 5 to 55 minutes, in creation order. */
    private static List<Room> rooms(Instant start, Instant end, int perDay) {
        SplittableRandom random = new SplittableRandom(13);
        List<Room> rooms = new ArrayList<>();
        long spacing = Duration.ofDays(1).toMillis() / perDay;
        int n = 0;
        for (Instant created = start; created.isBefore(end); created = created.plusMillis(spacing)) {
            Instant ended = created.plus(Duration.ofMinutes(5 + random.nextInt(50)));
            rooms.add(new Room("room-" + n++, created, ended));
        }
        return rooms;
    }
}
