package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.EventType;
import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.testing.EventReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random worlds where room ids are re-used within the vendor's delay, observed as each vendor family shows them
 * (issue 13). Volcengine: a listing of creation windows about 20 s late, live member answers. Tencent: listings and
 * probes that name the live incarnation now, member snapshots up to 40 s old. After every batch: no event is invented
 * (every join names a user who was in that very incarnation at a moment the answer may show, every leave one who was
 * not), the contract holds (framing, alternation, unique ids); once the world is still and observed to the end, the
 * replay equals the truth. Each walk is seeded: a failure names its seed and step.
 */
class AttributionPropertyTest {

    private static final int WALKS = 100;
    private static final int STEPS = 200;
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final long DELAY = 20_000; // Volcengine listing delay, ms
    private static final long SNAPSHOT = 40_000; // TUILiveKit member-list refresh, ms

    enum Family {
        VOLCENGINE,
        TENCENT
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Family.class)
    void roomIdsReusedWithinTheDelay_thenNoEventIsInvented_andTheReplayEndsEqualToTheTruth(Family family) {
        for (long seed = 1; seed <= WALKS; seed++) {
            new Walk(seed, family).run();
        }
    }

    /** One incarnation of the true world, with every membership it ever had. */
    private static final class Incarnation {
        final String roomId;
        final String id;
        final long created;
        long ended = Long.MAX_VALUE;
        final Map<String, List<long[]>> stays = new HashMap<>(); // user -> [join, leave) spans

        Incarnation(String roomId, String id, long created) {
            this.roomId = roomId;
            this.id = id;
            this.created = created;
        }

        boolean liveAt(long t) {
            return created <= t && t < ended;
        }

        Set<String> membersAt(long t) {
            Set<String> out = new TreeSet<>();
            stays.forEach((user, spans) -> {
                if (spans.stream().anyMatch(s -> s[0] <= t && t < s[1])) {
                    out.add(user);
                }
            });
            return out;
        }

        boolean present(String user) {
            List<long[]> spans = stays.get(user);
            return spans != null && spans.get(spans.size() - 1)[1] == Long.MAX_VALUE;
        }
    }

    private static final class Walk {
        private final long seed;
        private final Family family;
        private final AppKey app;
        private final SplittableRandom random;
        private final List<Incarnation> all = new ArrayList<>();
        private final Map<String, Incarnation> liveById = new TreeMap<>();
        private final List<String> freedIds = new ArrayList<>();
        private final EventReplay replay = new EventReplay();
        private final Map<String, Long> answerFrom = new HashMap<>(); // observedAt+room -> dataFrom, for the check
        private AppState state;
        private HeldAnswers held = HeldAnswers.none();
        private final Set<RoomRef> answered = new HashSet<>();
        private long now;
        private long nextSweep = 10_000;
        private long watermark = -DELAY * 100; // Volcengine: creations listed so far
        private int rooms;
        private int users;
        private String where = "";

        Walk(long seed, Family family) {
            this.seed = seed;
            this.family = family;
            this.app = AppKey.of(family == Family.VOLCENGINE ? Provider.VOLCENGINE : Provider.TENCENT_LIVE, "p");
            this.random = new SplittableRandom(seed);
            this.state = AppState.empty(app);
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                where = "seed " + seed + " " + family + " step " + step;
                now += 200 + random.nextInt(2_000);
                mutate();
                observe();
            }
            where = "seed " + seed + " " + family + " settling";
            for (int round = 0; round < 12; round++) { // the world is still: observe it until the end shows
                now += 10_000;
                List<Observation> batch = new ArrayList<>();
                batch.add(sweep());
                for (RoomState room : state.live().values()) {
                    batch.addAll(answerAndProbe(room.ref()));
                }
                diff(batch);
            }
            assertThat(replay.presence()).as(where).isEqualTo(truth());
        }

        private void mutate() {
            int dice = random.nextInt(100);
            if (dice < 12 || liveById.isEmpty()) {
                String roomId = !freedIds.isEmpty() && random.nextInt(3) > 0
                        ? freedIds.remove(random.nextInt(freedIds.size())) // re-used, often within the delay
                        : "r" + rooms++;
                Incarnation room = new Incarnation(roomId, roomId + "-" + now, now + random.nextInt(500));
                all.add(room);
                liveById.put(roomId, room);
            } else if (dice < 20) {
                Incarnation room = pick();
                room.ended = now;
                room.stays.values().forEach(spans -> {
                    long[] last = spans.get(spans.size() - 1);
                    if (last[1] == Long.MAX_VALUE) {
                        last[1] = now;
                    }
                });
                liveById.remove(room.roomId);
                freedIds.add(room.roomId);
            } else if (dice < 70) {
                Incarnation room = pick();
                String user = random.nextInt(3) == 0 ? "u" + users++ : "u" + random.nextInt(Math.max(1, users));
                if (!room.present(user) && room.created <= now) {
                    room.stays.computeIfAbsent(user, k -> new ArrayList<>()).add(new long[] {now, Long.MAX_VALUE});
                }
            } else {
                Incarnation room = pick();
                List<String> present = room.stays.keySet().stream()
                        .filter(room::present)
                        .sorted()
                        .toList();
                if (!present.isEmpty()) {
                    List<long[]> spans = room.stays.get(present.get(random.nextInt(present.size())));
                    spans.get(spans.size() - 1)[1] = now;
                }
            }
        }

        private Incarnation pick() {
            List<Incarnation> live = List.copyOf(liveById.values());
            return live.get(random.nextInt(live.size()));
        }

        private void observe() {
            List<Observation> batch = new ArrayList<>();
            if (now >= nextSweep) {
                batch.add(sweep());
                nextSweep = now + 10_000;
            }
            List<RoomState> tracked = List.copyOf(state.live().values());
            for (int i = 0; i < 1 + random.nextInt(3) && !tracked.isEmpty(); i++) {
                batch.addAll(answerAndProbe(
                        tracked.get(random.nextInt(tracked.size())).ref()));
            }
            diff(batch);
        }

        private RoomSweep sweep() {
            if (family == Family.VOLCENGINE) {
                long horizon = now - DELAY; // the listing shows the world as it was 20 s ago
                List<RoomSighting> listed = new ArrayList<>();
                for (Incarnation room : all) {
                    if (room.created >= watermark && room.created <= horizon) {
                        listed.add(
                                room.ended <= horizon
                                        ? RoomSighting.ended(room.roomId, room.id, at(room.created), at(room.ended))
                                        : RoomSighting.live(room.roomId, room.id, at(room.created)));
                    }
                }
                watermark = horizon;
                return new RoomSweep(app, Completeness.PARTIAL, listed, at(now), at(horizon));
            }
            List<RoomSighting> listed = liveById.values().stream()
                    .filter(room -> room.created <= now)
                    .map(room -> RoomSighting.live(room.roomId, room.id, at(room.created)))
                    .toList();
            return RoomSweep.seen(app, Completeness.COMPLETE, listed, at(now), at(now));
        }

        /** What the vendor answers for {@code asked} now (it does not know which incarnation was meant). */
        private List<Observation> answerAndProbe(RoomRef asked) {
            String roomId = asked.key().roomId();
            long shown = family == Family.VOLCENGINE ? now : now - random.nextLong(SNAPSHOT);
            long from = family == Family.VOLCENGINE ? now : now - SNAPSHOT;
            Incarnation then = incarnationAt(roomId, shown);
            Observation answer;
            if (then == null) {
                answer = new RoomGone(asked, null, at(from), at(now));
            } else {
                Map<String, Visibility> members = new LinkedHashMap<>();
                then.membersAt(shown).forEach(user -> members.put(user, Visibility.VISIBLE));
                answer = new MemberList(asked, Completeness.COMPLETE, members, at(from), at(now));
            }
            answerFrom.put(now + "/" + roomId, from);
            if (family == Family.VOLCENGINE || random.nextInt(5) == 0) {
                return List.of(answer); // no probe (Volcengine has none; a Tencent probe may fail)
            }
            Incarnation current = liveById.get(roomId);
            Observation probe = current == null || current.created > now
                    ? new RoomGone(asked, null, at(now), at(now))
                    : RoomSweep.seen(
                            app,
                            Completeness.PARTIAL,
                            List.of(RoomSighting.live(roomId, current.id, at(current.created))),
                            at(now),
                            at(now));
            return List.of(answer, probe);
        }

        private Incarnation incarnationAt(String roomId, long t) {
            return all.stream()
                    .filter(room -> room.roomId.equals(roomId) && room.liveAt(t))
                    .findFirst()
                    .orElse(null);
        }

        private void diff(List<Observation> batch) {
            Batch b = Batch.diff(
                    state,
                    held,
                    batch,
                    new Batch.Rules(1, AttributionMode.SAFE, Duration.ofMinutes(2), Set.copyOf(answered), true));
            for (PresenceEvent e : b.events()) {
                try {
                    replay.accept(e);
                } catch (AssertionError error) {
                    throw new AssertionError(where + ": " + error.getMessage(), error);
                }
                checkNotInvented(e);
            }
            state = b.next();
            held = b.held();
            answered.addAll(b.answered());
        }

        /** A member event must be true of that very incarnation at a moment the answer may show. */
        private void checkNotInvented(PresenceEvent e) {
            if (e.type() != EventType.USER_JOINED
                    && !(e.type() == EventType.USER_LEFT && e.reason() == LeaveReason.LEFT)) {
                return;
            }
            long to = e.observedAt().toEpochMilli() - T0.toEpochMilli();
            long from = answerFrom.getOrDefault(to + "/" + e.room().key().roomId(), to);
            Incarnation room = all.stream()
                    .filter(r -> r.roomId.equals(e.room().key().roomId())
                            && r.id.equals(e.room().incarnation()))
                    .findFirst()
                    .orElseThrow();
            List<long[]> spans = room.stays.getOrDefault(e.userId(), List.of());
            // in: some stay overlaps [from, to]; out: some moment of [from, to] is in no stay (stays never overlap)
            boolean in = spans.stream().anyMatch(s -> s[0] <= to && s[1] > from);
            long covered = spans.stream()
                    .mapToLong(s -> Math.max(0, Math.min(s[1], to + 1) - Math.max(s[0], from)))
                    .sum();
            boolean out = covered < to + 1 - from;
            if (e.type() == EventType.USER_JOINED) {
                assertThat(in)
                        .as("%s: %s joined %s but was never in it then", where, e.userId(), e.room())
                        .isTrue();
            } else {
                assertThat(out)
                        .as("%s: %s left %s but was in it all along", where, e.userId(), e.room())
                        .isTrue();
            }
        }

        private Map<String, Set<String>> truth() {
            Map<String, Set<String>> out = new TreeMap<>();
            liveById.values().forEach(room -> out.put(room.roomId + "#" + room.id, room.membersAt(now)));
            return out;
        }

        private static Instant at(long millis) {
            return T0.plusMillis(millis);
        }
    }
}
