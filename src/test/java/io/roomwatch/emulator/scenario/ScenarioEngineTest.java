package io.roomwatch.emulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.ScenarioConfig;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.world.World;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The scenario engine: determinism, and that each advertised behaviour really occurs. */
class ScenarioEngineTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void sameSeed_givesTheSameChangeLog_otherSeed_another() {
        List<Change> first = play(ScenarioConfig.demo(), Duration.ofMinutes(5));
        List<Change> second = play(ScenarioConfig.demo(), Duration.ofMinutes(5));
        List<Change> other = play(ScenarioConfig.demo().withSeed(43), Duration.ofMinutes(5));

        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void run_isLazy_andTicksOnTheGivenClock() {
        VirtualTimeScheduler clock = clock();
        World world = World.create(clock, 100_000, 60_000, 14L * 86_400_000);
        ScenarioEngine engine = ScenarioEngine.create(world, ScenarioConfig.demo());

        assertThat(world.changes(0, 1).latestSeq()).isZero();
        StepVerifier.withVirtualTime(() -> engine.run(clock), () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(499))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(0L)
                .thenAwait(Duration.ofSeconds(10))
                .expectNextCount(20)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(world.changes(0, 1).latestSeq()).isPositive();
    }

    @Test
    void demoScenario_producesEveryAdvertisedCase() {
        VirtualTimeScheduler clock = clock();
        World world = World.create(clock, 1_000_000, 60_000, 14L * 86_400_000);
        ScenarioEngine engine = ScenarioEngine.create(world, ScenarioConfig.demo());
        Map<RoomAddress, Long> viewCounts = new HashMap<>();
        Set<String> invisible = new HashSet<>();
        boolean viewCountsMoved = false;
        for (int tick = 0; tick < 1200; tick++) { // ten minutes of 500 ms ticks
            clock.advanceTimeBy(Duration.ofMillis(500));
            engine.tick();
            for (TrueRoom room : world.rooms()) {
                Long before = viewCounts.put(room.key(), room.viewCount());
                viewCountsMoved |= before != null && before != room.viewCount() && room.memberCount() > 0;
                room.members().stream().filter(MemberState::invisible).forEach(m -> invisible.add(m.userId()));
            }
        }
        List<Change> log = world.changes(0, 1_000_000).changes();

        assertThat(log.stream().map(Change::vendor).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Vendor.values());
        assertThat(log).anyMatch(c -> c.type() == ChangeType.RoomDestroyed);
        assertThat(shortestLifeMillis(log)).isLessThan(5_000);
        assertThat(reusedRoomIds(log)).isNotEmpty();
        assertThat(log.stream().filter(c -> "flapper-1".equals(c.userId()) && c.type() == ChangeType.UserJoined))
                .hasSizeGreaterThan(5);
        assertThat(invisible).isNotEmpty();
        assertThat(world.room(RoomAddress.of(Vendor.TENCENT_LIVE, "1400000001", "big-room"))
                        .orElseThrow()
                        .memberCount())
                .isGreaterThan(1000);
        assertThat(viewCountsMoved).isTrue();
    }

    @Test
    void scenarioFiles_readFromYaml_andRejectUnknownFields(@TempDir Path dir) throws IOException, URISyntaxException {
        Path example = Path.of(
                getClass().getResource("/emulator/scenario-example.yaml").toURI());
        ScenarioConfig config = ScenarioConfig.read(example);
        Path typo = Files.writeString(
                dir.resolve("typo.yaml"),
                "seed: 1\napps:\n  - vendor: volcengine\n" + "    app: a\n    roomsPerMinut: 3\n");

        assertThat(config.seed()).isEqualTo(2024);
        assertThat(config.apps()).hasSize(3);
        assertThat(config.apps().get(1).bigRoomMembers()).isEqualTo(1100);
        assertThat(config.apps().get(2).maxRooms()).isEqualTo(50);
        assertThat(play(config, Duration.ofMinutes(2))).isEqualTo(play(config, Duration.ofMinutes(2)));
        assertThatThrownBy(() -> ScenarioConfig.read(typo)).hasMessageContaining("roomsPerMinut");
    }

    private static List<Change> play(ScenarioConfig config, Duration length) {
        VirtualTimeScheduler clock = clock();
        World world = World.create(clock, 1_000_000, 60_000, 14L * 86_400_000);
        reactor.core.Disposable running =
                ScenarioEngine.create(world, config).run(clock).subscribe();
        clock.advanceTimeBy(length);
        running.dispose();
        return world.changes(0, 1_000_000).changes();
    }

    private static VirtualTimeScheduler clock() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        clock.advanceTimeTo(T0);
        return clock;
    }

    private static long shortestLifeMillis(List<Change> log) {
        Map<String, Long> created = new HashMap<>();
        long shortest = Long.MAX_VALUE;
        for (Change c : log) {
            String life = c.vendor() + "/" + c.app() + "/" + c.roomId() + "/" + c.incarnation();
            if (c.type() == ChangeType.RoomCreated) {
                created.put(life, c.timeMillis());
            } else if (c.type() == ChangeType.RoomDestroyed && created.containsKey(life)) {
                shortest = Math.min(shortest, c.timeMillis() - created.get(life));
            }
        }
        return shortest;
    }

    private static Set<String> reusedRoomIds(List<Change> log) {
        Map<String, Set<String>> incarnations = new HashMap<>();
        log.stream().filter(c -> c.type() == ChangeType.RoomCreated).forEach(c -> incarnations
                .computeIfAbsent(c.vendor() + "/" + c.app() + "/" + c.roomId(), k -> new HashSet<>())
                .add(c.incarnation()));
        return incarnations.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
