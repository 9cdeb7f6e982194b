package io.roomwatch.diff;

import static io.roomwatch.diff.Fixtures.describe;
import static io.roomwatch.diff.Fixtures.empty;
import static io.roomwatch.diff.Fixtures.live;
import static io.roomwatch.diff.Fixtures.members;
import static io.roomwatch.diff.Fixtures.ref;
import static io.roomwatch.diff.Fixtures.sweep;
import static io.roomwatch.model.Completeness.COMPLETE;
import static io.roomwatch.model.Completeness.PARTIAL;
import static io.roomwatch.model.Completeness.TRUNCATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.model.AppState;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SnapshotDiff.members(room, list, K)}: a member leaves only after K complete lists in a row missed them. */
class FlapDampingTest {

    private static final int K = 3;

    private AppState state = roomWithAliceAndBob();
    private final List<String> events = new ArrayList<>();

    private static AppState roomWithAliceAndBob() {
        AppState created = empty().apply(SnapshotDiff.sweep(empty(), sweep(COMPLETE, live("r1", "c1", 1))));
        return created.apply(
                SnapshotDiff.members(created.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "alice", "bob"), K));
    }

    /** Applies one member list of r1#c1 with damping K, recording its events. */
    private FlapDampingTest list(Completeness completeness, String... users) {
        Transition t = SnapshotDiff.members(room(), members(ref("r1", "c1"), completeness, users), K);
        events.addAll(describe(t.events()));
        state = state.apply(t);
        return this;
    }

    private RoomState room() {
        return state.live().get("r1");
    }

    @Test
    void givenMemberMissingFromFewerThanKCompleteLists_thenNoLeave_andTheMissesAreRemembered() {
        list(COMPLETE, "bob").list(COMPLETE, "bob");

        assertThat(events).isEmpty();
        assertThat(room().members()).containsOnlyKeys("alice", "bob");
        assertThat(room().absent()).containsExactly(Map.entry("alice", 2));
    }

    @Test
    void givenMemberMissingFromKCompleteListsInARow_thenLeavesOnTheKth_andTheCountIsCleared() {
        list(COMPLETE, "bob").list(COMPLETE, "bob").list(COMPLETE, "bob");

        assertThat(events).containsExactly("-alice r1#c1 left");
        assertThat(room().members()).containsOnlyKeys("bob");
        assertThat(room().absent()).isEmpty();
        assertThat(room().departed()).containsEntry("alice", 1);
    }

    @Test
    void givenAFlap_whenTheMemberIsSeenAgainBeforeK_thenNoEventAtAll_andTheCountStartsOver() {
        list(COMPLETE, "bob").list(COMPLETE, "bob").list(COMPLETE, "alice", "bob");
        list(COMPLETE, "bob").list(COMPLETE, "bob");

        assertThat(events).as("a flap shorter than K lists is not reported").isEmpty();
        assertThat(room().absent()).containsExactly(Map.entry("alice", 2));
    }

    @Test
    void givenPartialOrTruncatedLists_thenTheyNeitherCountAMiss_butASightingInThemResetsIt() {
        list(COMPLETE, "bob").list(PARTIAL, "bob").list(TRUNCATED).list(COMPLETE, "bob");
        assertThat(room().absent()).as("only complete lists count").containsExactly(Map.entry("alice", 2));

        list(PARTIAL, "alice").list(COMPLETE, "bob").list(COMPLETE, "bob");

        assertThat(events).isEmpty();
        assertThat(room().absent()).containsExactly(Map.entry("alice", 2));
    }

    @Test
    void givenADampedMember_whenTheRoomEnds_thenTheyLeaveWithTheRoom() {
        list(COMPLETE, "bob");
        Transition ended = SnapshotDiff.sweep(state, sweep(COMPLETE));

        assertThat(describe(ended.events()))
                .containsExactly("-alice r1#c1 room-destroyed", "-bob r1#c1 room-destroyed", "-room r1#c1");
    }

    @Test
    void givenNoDamping_thenTheStateNeverHoldsMissCounts_andOneCompleteListSuffices() {
        Transition t = SnapshotDiff.members(room(), members(ref("r1", "c1"), COMPLETE, "bob"), 1);

        assertThat(describe(t.events())).containsExactly("-alice r1#c1 left");
        assertThat(t.upserted()).singleElement().satisfies(r -> assertThat(r.absent())
                .isEmpty());
        assertThat(SnapshotDiff.members(room(), members(ref("r1", "c1"), COMPLETE, "bob")))
                .as("the two-argument form is K = 1")
                .isEqualTo(t);
    }

    @Test
    void givenKBelowOne_thenRejected() {
        assertThatThrownBy(() -> SnapshotDiff.members(room(), members(ref("r1", "c1"), COMPLETE), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaveAfterMisses");
    }

    @Test
    void givenAMissCountForSomeoneNotPresent_thenTheStateIsRejected() {
        assertThatThrownBy(() -> room().withMembers(room().members(), room().departed(), Map.of("zoe", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent");
    }
}
