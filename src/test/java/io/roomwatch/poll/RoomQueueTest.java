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
    void endedRoom_thenDroppedEvenWhileInFlight() {
        RoomQueue queue = new RoomQueue(60_000, 4, 60_000);
        queue.sync(live("a"));
        RoomRef a = queue.next(0).orElseThrow();
        queue.sync(live());
        queue.done(a, 10);

        assertThat(queue.size()).isZero();
        assertThat(queue.next(20)).isEmpty();
    }
}
