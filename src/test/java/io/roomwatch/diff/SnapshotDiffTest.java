package io.roomwatch.diff;

import static io.roomwatch.diff.Fixtures.at;
import static io.roomwatch.diff.Fixtures.describe;
import static io.roomwatch.diff.Fixtures.empty;
import static io.roomwatch.diff.Fixtures.ended;
import static io.roomwatch.diff.Fixtures.live;
import static io.roomwatch.diff.Fixtures.members;
import static io.roomwatch.diff.Fixtures.ref;
import static io.roomwatch.diff.Fixtures.sweep;
import static io.roomwatch.model.Completeness.COMPLETE;
import static io.roomwatch.model.Completeness.PARTIAL;
import static io.roomwatch.model.Completeness.TRUNCATED;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppState;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Transition;
import io.roomwatch.model.UserLeft;
import io.roomwatch.model.Visibility;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    /** State after a sweep that created r1#c1 and a member list with alice and bob. */
    private AppState roomWithAliceAndBob() {
        AppState state = empty().apply(SnapshotDiff.sweep(empty(), sweep(COMPLETE, live("r1", "c1", 1))));
        return state.apply(
                SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "alice", "bob")));
    }

    @Test
    void givenAppWithoutCallbacks_whenMembersChange_thenNoEvidenceTimesAreKept_andLeftoversGoWithTheNextChange() {
        AppState state = empty().apply(SnapshotDiff.sweep(empty(), sweep(COMPLETE, live("r1", "c1", 1))));
        var room = state.live().get("r1");

        Transition polled = SnapshotDiff.members(room, members(ref("r1", "c1"), COMPLETE, "alice", "bob"), 1, false);
        Transition withCallbacks =
                SnapshotDiff.members(room, members(ref("r1", "c1"), COMPLETE, "alice", "bob"), 1, true);

        assertThat(describe(polled.events())).containsExactly("+alice r1#c1", "+bob r1#c1");
        assertThat(polled.upserted().get(0).evidence())
                .as("only callbacks can overtake a poll: without them a change needs no moment kept")
                .isEmpty();
        assertThat(withCallbacks.events()).isEqualTo(polled.events());
        assertThat(withCallbacks.upserted().get(0).evidence()).containsOnlyKeys("alice", "bob");

        // a state written while the app took callbacks: its evidence goes once the room changes again
        var leftover = withCallbacks.upserted().get(0);
        Transition unchanged =
                SnapshotDiff.members(leftover, members(ref("r1", "c1"), COMPLETE, "alice", "bob"), 1, false);
        Transition changed = SnapshotDiff.members(leftover, members(ref("r1", "c1"), COMPLETE, "alice"), 1, false);
        assertThat(unchanged.isEmpty()).as("no rewrite of an unchanged room").isTrue();
        assertThat(describe(changed.events())).containsExactly("-bob r1#c1 left");
        assertThat(changed.upserted().get(0).evidence()).isEmpty();
    }

    @Test
    void newRoom_thenCreatedWithVendorTime_andMembersJoinAfterIt() {
        Transition created = SnapshotDiff.sweep(empty(), sweep(PARTIAL, live("r1", "c1", 5)));
        AppState state = empty().apply(created);
        Transition joined =
                SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "bob", "alice"));

        assertThat(describe(created.events())).containsExactly("+room r1#c1");
        assertThat(created.events().get(0).occurredAt()).isEqualTo(at(5));
        assertThat(describe(joined.events())).containsExactly("+alice r1#c1", "+bob r1#c1");
    }

    @Test
    void givenRoom_whenPartialOrTruncatedObservations_thenNothingIsRemoved() {
        AppState state = roomWithAliceAndBob();

        Transition partialSweep = SnapshotDiff.sweep(state, sweep(PARTIAL));
        Transition partialMembers = SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), PARTIAL));
        Transition truncated =
                SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), TRUNCATED, "carol"));

        assertThat(partialSweep.isEmpty()).isTrue();
        assertThat(partialMembers.isEmpty()).isTrue();
        assertThat(describe(truncated.events())).containsExactly("+carol r1#c1");
        assertThat(truncated.upserted().get(0).members()).containsOnlyKeys("alice", "bob", "carol");
    }

    @Test
    void givenRoom_whenCompleteSweepLacksIt_thenMembersLeaveBeforeRoomIsDestroyed() {
        Transition t = SnapshotDiff.sweep(roomWithAliceAndBob(), sweep(COMPLETE));

        assertThat(describe(t.events()))
                .containsExactly("-alice r1#c1 room-destroyed", "-bob r1#c1 room-destroyed", "-room r1#c1");
        assertThat(t.events().get(2).occurredAt())
                .as("absence tells no vendor time")
                .isNull();
        assertThat(t.ended()).hasSize(1);
    }

    @Test
    void givenRoom_whenCompleteMemberListLacksAUser_thenThatUserLeaves() {
        AppState state = roomWithAliceAndBob();
        Transition t = SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "bob", "dave"));

        assertThat(describe(t.events())).containsExactly("-alice r1#c1 left", "+dave r1#c1");
    }

    @Test
    void givenRoom_whenNewerIncarnationSeen_thenOldDestroyedBeforeNewCreated_evenInPartialSweep() {
        Transition t = SnapshotDiff.sweep(roomWithAliceAndBob(), sweep(PARTIAL, live("r1", "c2", 50)));

        assertThat(describe(t.events()))
                .containsExactly(
                        "-alice r1#c1 room-destroyed", "-bob r1#c1 room-destroyed", "-room r1#c1", "+room r1#c2");
        assertThat(t.upserted()).singleElement().satisfies(s -> assertThat(s.ref())
                .isEqualTo(ref("r1", "c2")));
    }

    @Test
    void givenRoom_whenOlderIncarnationIsListed_thenItIsHistoryAndIgnored() {
        Transition t = SnapshotDiff.sweep(roomWithAliceAndBob(), sweep(PARTIAL, ended("r1", "c0", 0, 1)));

        assertThat(t.isEmpty()).isTrue();
    }

    @Test
    void whenShortLivedRoomListedFinished_thenCreatedAndDestroyedWithVendorTimes_andNeverAgain() {
        RoomSweep listing = sweep(PARTIAL, ended("r9", "c1", 10, 20));
        Transition first = SnapshotDiff.sweep(empty(), listing);
        Transition again = SnapshotDiff.sweep(empty().apply(first), listing);

        assertThat(describe(first.events())).containsExactly("+room r9#c1", "-room r9#c1");
        assertThat(first.events()).extracting(PresenceEvent::occurredAt).containsExactly(at(10), at(20));
        assertThat(again.isEmpty())
                .as("a finished call is listed for 14 days; it ended once")
                .isTrue();
    }

    /**
     * Issue 14, kind 3: a room whose vendor times could not be read (no creation or end time) lived 12 s and was listed
     * by six sweeps: it is created and destroyed once, never again with the same event ids.
     */
    @Test
    void whenEndedIncarnationWithoutTimesIsListedAgain_thenItIsHistory_andNoEventIdRepeats() {
        RoomSweep listing = sweep(PARTIAL, RoomSighting.ended("r9", "c1", null, null));
        AppState state = empty();
        List<PresenceEvent> all = new ArrayList<>();
        for (int sweep = 0; sweep < 6; sweep++) {
            Transition t = SnapshotDiff.sweep(state, listing);
            all.addAll(t.events());
            state = state.apply(t);
        }

        assertThat(describe(all)).containsExactly("+room r9#c1", "-room r9#c1");
        assertThat(state.retired().get("r9").ended()).containsOnlyKeys("c1");
    }

    /** The same kind when an ended incarnation without times comes back live (a lagging listing): still history. */
    @Test
    void whenEndedIncarnationWithoutTimesIsListedLiveAgain_thenItIsNotCreatedTwice() {
        AppState state =
                empty().apply(SnapshotDiff.sweep(empty(), sweep(PARTIAL, RoomSighting.live("r9", "c1", null))));
        state = state.apply(SnapshotDiff.gone(state.live().get("r9"), new RoomGone(ref("r9", "c1"), null, at(150))));

        Transition relisted = SnapshotDiff.sweep(state, sweep(PARTIAL, RoomSighting.live("r9", "c1", null)));

        assertThat(relisted.events()).isEmpty();
    }

    @Test
    void whenRoomIdReusedTwiceInOneWindow_thenBothIncarnationsFramedInCreationOrder() {
        Transition t = SnapshotDiff.sweep(
                empty(), sweep(PARTIAL, live("r1", "c3", 30), ended("r1", "c2", 20, 25), ended("r1", "c1", 10, 15)));

        assertThat(describe(t.events()))
                .containsExactly("+room r1#c1", "-room r1#c1", "+room r1#c2", "-room r1#c2", "+room r1#c3");
    }

    @Test
    void givenRoom_whenVendorSaysGone_thenDestroyed_butEvidenceAboutOtherIncarnationIgnored() {
        AppState state = roomWithAliceAndBob();
        Transition gone = SnapshotDiff.gone(state.live().get("r1"), new RoomGone(ref("r1", "c1"), at(90), at(100)));
        Transition stale = SnapshotDiff.gone(state.live().get("r1"), new RoomGone(ref("r1", "c0"), null, at(100)));

        assertThat(describe(gone.events()))
                .containsExactly("-alice r1#c1 room-destroyed", "-bob r1#c1 room-destroyed", "-room r1#c1");
        assertThat(gone.events()).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(at(90)));
        assertThat(stale.isEmpty()).isTrue();
    }

    @Test
    void givenMemberListOfReplacedIncarnation_thenStaleAndIgnored() {
        AppState state = roomWithAliceAndBob();
        Transition t = SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c0"), COMPLETE));

        assertThat(t.isEmpty()).isTrue();
    }

    @Test
    void givenUserLeftAndRejoined_thenNewEventIds_butSameTransitionAlwaysSameId() {
        AppState state = roomWithAliceAndBob();
        Transition left = SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "bob"));
        AppState afterLeave = state.apply(left);
        Transition rejoined =
                SnapshotDiff.members(afterLeave.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "bob", "alice"));
        Transition rejoinedWithOthers = SnapshotDiff.members(
                afterLeave.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "aaron", "bob", "alice"));

        String firstJoinId = SnapshotDiff.members(
                        empty().apply(SnapshotDiff.sweep(empty(), sweep(COMPLETE, live("r1", "c1", 1))))
                                .live()
                                .get("r1"),
                        members(ref("r1", "c1"), COMPLETE, "alice"))
                .events()
                .get(0)
                .eventId();
        String rejoinId = rejoined.events().get(0).eventId();
        assertThat(rejoinId).isNotEqualTo(firstJoinId);
        assertThat(rejoinedWithOthers.events())
                .extracting(PresenceEvent::eventId)
                .contains(rejoinId);
        assertThat(left.events().get(0).eventId()).isNotEqualTo(firstJoinId).isNotEqualTo(rejoinId);
    }

    @Test
    void givenVisibilityChange_thenNoEvent_butLaterLeaveCarriesNewVisibility() {
        AppState state = roomWithAliceAndBob();
        Transition hidden =
                SnapshotDiff.members(state.live().get("r1"), members(ref("r1", "c1"), COMPLETE, "~alice", "bob"));
        Transition leave =
                SnapshotDiff.members(state.apply(hidden).live().get("r1"), members(ref("r1", "c1"), COMPLETE, "bob"));

        assertThat(hidden.events()).isEmpty();
        assertThat(hidden.upserted()).hasSize(1);
        assertThat(leave.events()).singleElement().isInstanceOfSatisfying(UserLeft.class, l -> assertThat(
                        l.visibility())
                .isEqualTo(Visibility.INVISIBLE));
    }

    @Test
    void sameInputs_thenSameOutput() {
        AppState state = roomWithAliceAndBob();
        RoomSweep s = sweep(COMPLETE, live("r2", "x", 3), live("r0", "y", 2), live("r1", "c2", 70));

        List<PresenceEvent> a = SnapshotDiff.sweep(state, s).events();
        List<PresenceEvent> b = SnapshotDiff.sweep(state, s).events();

        assertThat(a).isEqualTo(b);
        assertThat(describe(a))
                .containsExactly(
                        "+room r0#y",
                        "-alice r1#c1 room-destroyed",
                        "-bob r1#c1 room-destroyed",
                        "-room r1#c1",
                        "+room r1#c2",
                        "+room r2#x");
    }

    @Test
    void sweepWatermarkIsRememberedAndNeverMovesBack() {
        RoomSweep later = new RoomSweep(Fixtures.APP, PARTIAL, List.of(), at(100), at(90));
        RoomSweep earlier = new RoomSweep(Fixtures.APP, PARTIAL, List.of(), at(110), at(50));

        AppState state = empty().apply(SnapshotDiff.sweep(empty(), later));
        AppState after = state.apply(SnapshotDiff.sweep(state, earlier));

        assertThat(state.listedUntil()).isEqualTo(at(90));
        assertThat(after.listedUntil()).isEqualTo(at(90));
    }
}
