package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomQueueTest {

    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "a");

    private static RoomRef ref(String id) {
        return new RoomRef(APP.room(id), "1");
    }

    private static AppState live(String... ids) {
        Map<String, RoomState> rooms = new HashMap<>();
        for (String id : ids) {
            rooms.put(id, RoomState.created(ref(id), null));
        }
        return new AppState(APP, rooms, Map.of(), null);
    }

    /** Polls one room at {@code now} and hands it back at once. */
    private static String poll(RoomQueue queue, long now) {
        RoomRef ref = queue.next(now).orElseThrow();
        queue.done(ref, now);
        return ref.key().roomId();
    }

    @Test
    void quietRooms_thenRoundRobin_andInFlightRoomsAreNotPickedTwice() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000);
        queue.sync(live("a", "b", "c"));

        RoomRef first = queue.next(0).orElseThrow();
        RoomRef second = queue.next(100).orElseThrow();
        RoomRef third = queue.next(200).orElseThrow();

        assertThat(queue.next(300)).as("all three in flight").isEmpty();
        queue.done(third, 400);
        queue.done(second, 500);
        queue.done(first, 600);
        assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
        assertThat(poll(queue, 1_000))
                .as("least recently polled first")
                .isEqualTo(first.key().roomId());
        assertThat(poll(queue, 1_100)).isEqualTo(second.key().roomId());
    }

    @Test
    void newRoom_thenPolledBeforeAnyRoomThatWaited() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000);
        queue.sync(live("a"));
        poll(queue, 0);
        queue.sync(live("a", "b"));

        assertThat(poll(queue, 50_000)).isEqualTo("b");
    }

    @Test
    void hotRoom_thenCompetesWithWeightedWait_butStaleRoomsStillGoFirst() {
        RoomQueue queue = new RoomQueue(60_000, 4, 10_000);
        queue.sync(live("hot", "quiet"));
        poll(queue, 0);
        poll(queue, 0);
        queue.changed(ref("hot"), 0);

        // hot waited 3 s (counts as 12 s), quiet waited 3 s: hot goes
        assertThat(poll(queue, 3_000)).isEqualTo("hot");
        // quiet waited 10 s = max staleness: it goes, however hot the other is
        queue.changed(ref("hot"), 9_000);
        assertThat(poll(queue, 10_000)).isEqualTo("quiet");
    }

    @Test
    void givenHalfTheRoomsBusy_whenPollingAMinute_thenNoRoomWaitsMuchLongerThanRoundRobinAndBusyOnesGoMoreOften() {
        // 100 rooms, 100 polls/s: round robin polls each every 1 s. Rooms 0-49 change at every poll (always hot).
        // hotWeight 4 alone would poll them every 0.625 s and make the quiet half wait 2.5 s; the fair bound keeps
        // every wait within 1.1 s
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000);
        String[] ids = new String[100];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format(java.util.Locale.ROOT, "r%03d", i);
        }
        queue.sync(live(ids));
        Map<String, Long> last = new HashMap<>();
        Map<String, Long> longestGap = new HashMap<>();
        Map<String, Integer> polls = new HashMap<>();
        for (long now = 0; now < 60_000; now += 10) {
            RoomRef ref = queue.next(now).orElseThrow();
            String id = ref.key().roomId();
            if (now >= 10_000 && last.containsKey(id)) {
                longestGap.merge(id, now - last.get(id), Math::max);
                polls.merge(id, 1, Integer::sum);
            }
            last.put(id, now);
            if (Integer.parseInt(id.substring(1)) < 50) {
                queue.changed(ref, now);
            }
            queue.done(ref, now);
        }

        assertThat(longestGap).hasSize(100);
        assertThat(longestGap.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("longest wait of any room, ms")
                .isLessThanOrEqualTo(1_100 + 20);
        int busy = polls.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getKey().substring(1)) < 50)
                .mapToInt(Map.Entry::getValue)
                .sum();
        int quiet = polls.values().stream().mapToInt(Integer::intValue).sum() - busy;
        // quiet rooms every 1.1 s take 45.5 polls/s; the busy half gets the remaining 54.5/s: 1.2 times as many
        assertThat(busy).as("busy rooms still polled more often").isGreaterThan(quiet * 11 / 10);
    }

    @Test
    void givenAFewBusyRooms_whenPolling_thenTheyArePolledManyTimesAsOftenWithinTheFairBound() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000);
        String[] ids = new String[100];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format(java.util.Locale.ROOT, "r%03d", i);
        }
        queue.sync(live(ids));
        Map<String, Integer> polls = new HashMap<>();
        long longestQuietGap = 0;
        Map<String, Long> last = new HashMap<>();
        for (long now = 0; now < 60_000; now += 10) {
            RoomRef ref = queue.next(now).orElseThrow();
            String id = ref.key().roomId();
            boolean busy = Integer.parseInt(id.substring(1)) < 2;
            if (now >= 10_000) {
                polls.merge(busy ? "busy" : "quiet", 1, Integer::sum);
                if (!busy && last.containsKey(id)) {
                    longestQuietGap = Math.max(longestQuietGap, now - last.get(id));
                }
            }
            last.put(id, now);
            if (busy) {
                queue.changed(ref, now);
            }
            queue.done(ref, now);
        }

        double busyPerRoom = polls.get("busy") / 2.0;
        double quietPerRoom = polls.get("quiet") / 98.0;
        assertThat(busyPerRoom / quietPerRoom)
                .as("busy vs quiet polls per room")
                .isGreaterThan(3.5);
        assertThat(longestQuietGap).isLessThanOrEqualTo(1_100 + 20);
    }

    @Test
    void endedRoom_thenDroppedEvenWhileInFlight() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000);
        queue.sync(live("a"));
        RoomRef a = queue.next(0).orElseThrow();
        queue.sync(live());
        queue.done(a, 10);

        assertThat(queue.size()).isZero();
        assertThat(queue.next(20)).isEmpty();
    }

    @Test
    void givenTheNewsSchedule_thenAPolledRoomRestsForTheFloor_andANewRoomDoesNotWait() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000, true, 1_000, 0, 0);
        queue.sync(live("a"));
        RoomRef a = queue.next(0).orElseThrow();
        queue.answered(a, 0, 10, 1);
        queue.done(a, 10);

        assertThat(queue.next(500)).as("a rests until 1 s after its last pick").isEmpty();
        assertThat(queue.nextDue()).isEqualTo(1_000);
        queue.sync(live("a", "b"));
        assertThat(poll(queue, 600)).as("a new room never rests").isEqualTo("b");
        assertThat(poll(queue, 1_000)).isEqualTo("a");
    }

    @Test
    void givenCallbacksFlowForARoom_thenItIsReadOnlyAtTheReconciliationCadence_andOthersAsBefore() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000, true, 1_000, 0, 10_000);
        queue.sync(live("a", "b"));
        queue.pushed(ref("a").key(), 0); // a's vendor pushes its changes
        for (int i = 0; i < 2; i++) {
            RoomRef picked = queue.next(0).orElseThrow();
            queue.answered(picked, 0, 10, 1);
            queue.done(picked, 10);
        }

        assertThat(poll(queue, 1_000)).as("b: the floor").isEqualTo("b");
        assertThat(poll(queue, 5_000))
                .as("only b: a rests for the reconciliation cadence")
                .isEqualTo("b");
        assertThat(queue.next(5_500)).isEmpty();
        assertThat(poll(queue, 10_000)).isEqualTo("a");
    }

    @Test
    void givenCallbacksStopped_thenTheRoomIsReadAtTheFloorAgain() {
        RoomQueue queue = new RoomQueue(60_000, 4, 20_000, true, 1_000, 0, 10_000);
        queue.sync(live("a"));
        queue.pushed(ref("a").key(), 0);
        RoomRef a = queue.next(30_000).orElseThrow(); // the last callback is older than maxStaleness
        queue.answered(a, 30_000, 30_010, 1);
        queue.done(a, 30_010);

        assertThat(poll(queue, 31_000)).isEqualTo("a");
    }

    @Test
    void givenALearntPhase_thenTheRoomRestsUntilJustAfterItsRefresh_butNeverLongerThanMaxStaleness() {
        RoomQueue queue = new RoomQueue(60_000, 4, 15_000, true, 1_000, 40_000, 0);
        queue.sync(live("a"));
        RoomRef a = ref("a");
        long[] picks = {0, 1_000, 2_000, 3_000};
        // changed between the reads at 1 s and 2 s; the read at 3 s (the floor after the window) confirms it
        int[] prints = {1, 1, 2, 2};
        for (int i = 0; i < picks.length; i++) {
            assertThat(queue.next(picks[i])).contains(a);
            queue.answered(a, picks[i], picks[i] + 50, prints[i]);
            queue.done(a, picks[i] + 50);
        }

        assertThat(queue.phaseWidth(a)).as("refresh within (1 000, 2 050]").isEqualTo(1_050);
        assertThat(queue.nextDue())
                .as("the read at 3 s (after the refresh) showed the same answer: a drift check half a period after the"
                        + " refresh (22 050 ms) is wanted, but 15 s of max staleness come first")
                .isEqualTo(18_000);
    }
}
