package io.roomwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.Member;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Retired;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Transition;
import io.roomwatch.model.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class StateRecordsTest {

    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "app-1");
    private static final AppKey OTHER = AppKey.of(Provider.VOLCENGINE, "app-10");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static RoomState room(String roomId, String incarnation, int created) {
        return new RoomState(
                new RoomRef(APP.room(roomId), incarnation),
                T0.plusSeconds(created),
                Map.of("alice", new Member(Visibility.VISIBLE, 2), "bob", new Member(Visibility.INVISIBLE, 1)),
                Map.of("carol", 3));
    }

    @Test
    void givenLiveRetiredAndWatermark_whenWrittenAndFolded_thenSameState() {
        AppState state = AppState.empty(APP)
                .apply(new Transition(List.of(), List.of(room("r1", "c1", 0), room("r2", "c2", 5)), List.of(), T0))
                .apply(new Transition(List.of(), List.of(room("r1", "c3", 20)), List.of(room("r1", "c1", 0))));
        assertThat(state.live()).containsKeys("r1", "r2");
        assertThat(state.retired()).containsOnlyKeys("r1"); // r1: live incarnation and retirement mark, one key

        List<ProducerRecord<String, byte[]>> records = StateRecords.changes("state", AppState.empty(APP), state);

        assertThat(records)
                .extracting(ProducerRecord::key)
                .containsExactly("volcengine/app-1/r1", "volcengine/app-1/r2", "volcengine/app-1");
        assertThat(fold(APP, records)).isEqualTo(state);
    }

    @Test
    void givenRoomEndsAndMarkIsPruned_whenFolded_thenRetiredThenTombstone() {
        AppState live = AppState.empty(APP).apply(new Transition(List.of(), List.of(room("r1", "c1", 0)), List.of()));
        AppState ended = live.apply(new Transition(List.of(), List.of(), List.of(room("r1", "c1", 0))));
        AppState pruned = ended.forgetRetiredBefore(T0.plusSeconds(1));
        List<ProducerRecord<String, byte[]>> records =
                new ArrayList<>(StateRecords.changes("s", AppState.empty(APP), live));
        List<ProducerRecord<String, byte[]>> retire = StateRecords.changes("s", live, ended);
        List<ProducerRecord<String, byte[]>> forget = StateRecords.changes("s", ended, pruned);

        assertThat(new String(retire.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"retiredCreatedAt\":\"2026-11-22T10:00:00Z\"")
                .doesNotContain("\"live\"");
        assertThat(forget).singleElement().satisfies(r -> assertThat(r.value()).isNull());
        records.addAll(retire);
        assertThat(fold(APP, records)).isEqualTo(ended);
        records.addAll(forget);
        assertThat(fold(APP, records)).isEqualTo(AppState.empty(APP));
    }

    @Test
    void givenUnchangedState_whenDiffed_thenNoRecords() {
        AppState live = AppState.empty(APP).apply(new Transition(List.of(), List.of(room("r1", "c1", 0)), List.of()));
        assertThat(StateRecords.changes(
                        "s", live, live.apply(new Transition(List.of(), List.of(room("r1", "c1", 0)), List.of()))))
                .isEmpty();
    }

    @Test
    void givenOtherAppsOnTheTopic_whenFolding_thenOnlyThisAppsKeysCount() {
        AppState mine =
                AppState.empty(APP).apply(new Transition(List.of(), List.of(room("r1", "c1", 0)), List.of(), T0));
        AppState theirs = new AppState(OTHER, Map.of(), Map.of("r9", Retired.createdAt(T0)), T0.plusSeconds(9));
        List<ProducerRecord<String, byte[]>> records =
                new ArrayList<>(StateRecords.changes("s", AppState.empty(OTHER), theirs));
        records.addAll(StateRecords.changes("s", AppState.empty(APP), mine));

        assertThat(fold(APP, records)).isEqualTo(mine);
        assertThat(fold(OTHER, records)).isEqualTo(theirs);
    }

    @Test
    void givenMembersMissingUnderFlapDamping_whenWrittenAndFolded_thenMissCountsSurvive() {
        RoomState damped =
                room("r1", "c1", 0).withMembers(room("r1", "c1", 0).members(), Map.of("carol", 3), Map.of("alice", 2));
        AppState state = AppState.empty(APP).apply(new Transition(List.of(), List.of(damped), List.of()));

        List<ProducerRecord<String, byte[]>> records = StateRecords.changes("s", AppState.empty(APP), state);

        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).contains("\"absent\":{\"alice\":2}");
        assertThat(fold(APP, records).live().get("r1").absent()).containsExactly(Map.entry("alice", 2));
        assertThat(fold(APP, records)).isEqualTo(state);
    }

    @Test
    void givenRecentEvidenceTimes_whenWrittenAndFolded_thenTheySurviveARestart() {
        RoomState base = room("r1", "c1", 0);
        RoomState pushed = base.withMembers(
                base.members(),
                Map.of("bob", 1),
                Map.of(),
                Map.of(
                        "bob", java.time.Instant.parse("2026-12-01T00:00:12.345Z"),
                        "alice", java.time.Instant.parse("2026-12-01T00:00:12.345Z"),
                        "carol", java.time.Instant.parse("2026-12-01T00:00:10Z")));
        AppState state = AppState.empty(APP).apply(new Transition(List.of(), List.of(pushed), List.of()));

        List<ProducerRecord<String, byte[]>> records = StateRecords.changes("s", AppState.empty(APP), state);

        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                .as("grouped by moment, epoch milliseconds, sorted")
                .contains("\"evidenceAt\":{\"1796083210000\":[\"carol\"],\"1796083212345\":[\"alice\",\"bob\"]}");
        assertThat(fold(APP, records)).isEqualTo(state);
    }

    @Test
    void givenEvidenceWrittenByTheEarlierFormat_whenFolded_thenRead() {
        byte[] earlier = ("{\"stateVersion\":2,\"kind\":\"room\",\"provider\":\"volcengine\",\"appId\":\"app-1\","
                        + "\"roomId\":\"r1\",\"live\":{\"incarnation\":\"c1\",\"members\":{\"alice\":1},"
                        + "\"departed\":{\"bob\":1},\"evidence\":{\"bob\":\"2026-12-01T00:00:12.345Z\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        StateFold fold = StateRecords.fold(APP);
        fold.accept("volcengine/app-1/r1", earlier);

        assertThat(fold.result().live().get("r1").evidence())
                .containsExactly(Map.entry("bob", java.time.Instant.parse("2026-12-01T00:00:12.345Z")));
    }

    @Test
    void givenNoMemberMissing_whenWritten_thenNoAbsentField_andValuesWithoutItReadAsNoneMissing() {
        AppState state = AppState.empty(APP).apply(new Transition(List.of(), List.of(room("r1", "c1", 0)), List.of()));
        List<ProducerRecord<String, byte[]>> records = StateRecords.changes("s", AppState.empty(APP), state);
        String written = new String(records.get(0).value(), StandardCharsets.UTF_8);
        byte[] beforeDamping = ("{\"stateVersion\":1,\"kind\":\"room\",\"provider\":\"volcengine\",\"appId\":\"app-1\","
                        + "\"roomId\":\"r1\",\"live\":{\"incarnation\":\"c1\",\"members\":{\"alice\":"
                        + "{\"visibility\":\"visible\",\"joins\":1}},\"departed\":{}}}")
                .getBytes(StandardCharsets.UTF_8);
        StateFold fold = StateRecords.fold(APP);
        fold.accept("volcengine/app-1/r1", beforeDamping);

        assertThat(written).doesNotContain("absent"); // default K = 1: the state format is unchanged
        assertThat(fold.result().live().get("r1").absent()).isEmpty();
        assertThat(fold.result().live().get("r1").members()).containsOnlyKeys("alice");
    }

    @Test
    void givenARoom_whenWritten_thenCompactVersion2_andTheSameRoomInVersion1ReadsTheSame() {
        AppState state = AppState.empty(APP).apply(new Transition(List.of(), List.of(room("r1", "c1", 0)), List.of()));
        List<ProducerRecord<String, byte[]>> records = StateRecords.roomChanges("s", AppState.empty(APP), state);
        byte[] version1 = ("{\"stateVersion\":1,\"kind\":\"room\",\"provider\":\"volcengine\",\"appId\":\"app-1\","
                        + "\"roomId\":\"r1\",\"live\":{\"incarnation\":\"c1\",\"createdAt\":\"2026-11-22T10:00:00Z\","
                        + "\"members\":{\"alice\":{\"visibility\":\"visible\",\"joins\":2},"
                        + "\"bob\":{\"visibility\":\"invisible\",\"joins\":1}},\"departed\":{\"carol\":3}}}")
                .getBytes(StandardCharsets.UTF_8);
        StateFold old = StateRecords.fold(APP);
        old.accept("volcengine/app-1/r1", version1);

        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"stateVersion\":2,\"kind\":\"room\",\"provider\":\"volcengine\",\"appId\":\"app-1\","
                        + "\"roomId\":\"r1\",\"live\":{\"incarnation\":\"c1\",\"createdAt\":\"2026-11-22T10:00:00Z\","
                        + "\"members\":{\"alice\":2,\"bob\":1},\"invisible\":[\"bob\"],\"departed\":{\"carol\":3}}}");
        assertThat(fold(APP, records)).isEqualTo(state);
        assertThat(old.result()).isEqualTo(state);
    }

    @Test
    void givenUnknownStateVersion_whenFolding_thenFailsNamingTheKey() {
        StateFold fold = StateRecords.fold(APP);
        byte[] future = "{\"stateVersion\":3,\"kind\":\"room\",\"appId\":\"app-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fold.accept("volcengine/app-1/r1", future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volcengine/app-1/r1")
                .hasMessageContaining("stateVersion 3");
    }

    private static AppState fold(AppKey app, List<ProducerRecord<String, byte[]>> records) {
        StateFold fold = StateRecords.fold(app);
        records.forEach(r -> fold.accept(r.key(), r.value()));
        return fold.result();
    }
}
