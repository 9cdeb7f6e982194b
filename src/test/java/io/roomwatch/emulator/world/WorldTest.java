package io.roomwatch.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.emulator.CallRecord;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Ground-truth bookkeeping: bounded log, incarnations, retention, thread safety. */
class WorldTest {

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    @Test
    void boundedLog_dropsTheOldest_andSaysSo() {
        World world = World.create(clock, 5);
        RoomAddress room = RoomAddress.of(Vendor.TENCENT_ROOM, "1", "r");
        world.createRoom(new RoomSpec(room, null, Map.of()));
        IntStream.range(0, 7).forEach(i -> world.join(room, "u" + i, false)); // 8 changes, 5 kept

        ChangePage fromStart = world.changes(0, 100);
        ChangePage recent = world.changes(3, 100);

        assertThat(fromStart.truncated()).isTrue();
        assertThat(fromStart.oldestSeq()).isEqualTo(4);
        assertThat(fromStart.changes()).extracting(Change::seq).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(recent.truncated()).isFalse();
        assertThat(world.changes(8, 100).changes()).isEmpty();
        assertThat(world.changes(8, 100).nextSince()).isEqualTo(8);
        assertThat(world.changes(4, 2).nextSince()).isEqualTo(6);
    }

    @Test
    void tencentIncarnation_isTheCreateSecond_andChangesWhenTheRoomIsRecreated() {
        clock.advanceTimeTo(Instant.ofEpochSecond(1_700_000_000L));
        World world = World.create(clock, 100);
        RoomAddress room = RoomAddress.of(Vendor.TENCENT_LIVE, "1", "again");

        String first = world.createRoom(new RoomSpec(room, null, Map.of())).incarnation();
        clock.advanceTimeBy(Duration.ofSeconds(3));
        world.destroyRoom(room);
        String second = world.createRoom(new RoomSpec(room, null, Map.of())).incarnation();

        assertThat(first).isEqualTo("1700000000");
        assertThat(second).isEqualTo("1700000003");
        assertThatThrownBy(() -> world.createRoom(new RoomSpec(room, null, Map.of())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> world.join(RoomAddress.of(Vendor.TENCENT_LIVE, "1", "nope"), "u", false))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void finishedVolcengineCalls_areKept14Days() {
        clock.advanceTimeTo(Instant.parse("2025-01-01T00:00:00Z"));
        World world = World.create(clock, 100);
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, "app", "old");
        world.createRoom(new RoomSpec(room, "call-old", Map.of()));
        world.destroyRoom(room);

        clock.advanceTimeBy(Duration.ofDays(14));
        assertThat(world.calls("app")).extracting(CallRecord::callId).containsExactly("call-old");
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(world.calls("app")).isEmpty();
    }

    @Test
    void concurrentWriters_loseNothing() {
        World world = World.create(clock, 10_000);
        RoomAddress room = RoomAddress.of(Vendor.VOLCENGINE, "app", "busy");
        world.createRoom(new RoomSpec(room, null, Map.of()));

        IntStream.range(0, 2000).parallel().forEach(i -> world.join(room, "u" + i, i % 2 == 0));

        assertThat(world.room(room).orElseThrow().memberCount()).isEqualTo(2000);
        assertThat(world.changes(0, 10_000).changes())
                .extracting(Change::seq)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 2001).mapToObj(i -> (long) i).toList());
    }
}
