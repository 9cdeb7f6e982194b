package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Member answers are attributed to the incarnation that was live when they were read (issue 13), through whole
 * batches as the engine diffs them: Volcengine (listing complete for creations up to the sweep less its data delay),
 * TUILiveKit (member snapshots up to 40 s old, listings and probes naming the live incarnation) and TUIRoomKit.
 */
class AttributionTest {

    private static final AppKey VOLC = AppKey.of(Provider.VOLCENGINE, "app");
    private static final AppKey LIVE = AppKey.of(Provider.TENCENT_LIVE, "1400");
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration DATA_DELAY = Duration.ofSeconds(20);

    /** Feeds batches to Batch.diff as the engine does, keeping state and held answers between them. */
    private static final class Engine {
        AppState state;
        HeldAnswers held = HeldAnswers.none();
        Set<RoomRef> answered = new HashSet<>();
        final List<PresenceEvent> events = new ArrayList<>();
        final AttributionMode mode;

        Engine(AppKey app, AttributionMode mode) {
            this.state = AppState.empty(app);
            this.mode = mode;
        }

        Engine feed(Observation... batch) {
            Batch b = Batch.diff(
                    state,
                    held,
                    List.of(batch),
                    new Batch.Rules(1, mode, Duration.ofMinutes(2), Set.copyOf(answered), true));
            state = b.next();
            held = b.held();
            answered.addAll(b.answered());
            events.addAll(b.events());
            return this;
        }

        List<String> described() {
            return events.stream()
                    .map(e -> e.type().wireName() + " " + e.room().incarnation()
                            + (e.userId() == null ? "" : " " + e.userId()))
                    .toList();
        }
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /** A Volcengine sweep at {@code second}: shows the world as of {@code second - 20}. */
    private static RoomSweep volcSweep(double second, RoomSighting... rooms) {
        return new RoomSweep(
                VOLC,
                Completeness.PARTIAL,
                List.of(rooms),
                at(second),
                at(second).minus(DATA_DELAY));
    }

    private static MemberList answer(
            AppKey app, String roomId, String incarnation, double sent, double got, String... users) {
        Map<String, Visibility> members = new LinkedHashMap<>();
        for (String user : users) {
            members.put(user, Visibility.VISIBLE);
        }
        return new MemberList(
                new RoomRef(app.room(roomId), incarnation), Completeness.COMPLETE, members, at(sent), at(got));
    }

    /**
     * The reduced case: A (CallId A) lives 0-10 s, B of the same RoomId from 10.4 s, x and y join B at 15 and
     * 20 s; the sweep at 26 s lists A as live (the world as of 6 s), and the member answer read then is B's.
     */
    @Test
    void givenRoomIdReusedWithinTheListingDelay_thenMembersOfTheNewIncarnationNeverAppearInTheOldOne() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);

        engine.feed(volcSweep(26, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "r", "A", 26.2, 26.4, "host", "x", "y")); // live: B's members
        engine.feed(volcSweep(36, RoomSighting.ended("r", "A", at(0), at(10)), RoomSighting.live("r", "B", at(10.4))));
        engine.feed(answer(VOLC, "r", "B", 37.0, 37.2, "host", "x", "y"));
        assertThat(engine.described())
                .as("nothing is attributed before the listing covers the answers")
                .containsExactly("RoomCreated A", "RoomDestroyed A", "RoomCreated B");

        engine.feed(volcSweep(46)).feed(volcSweep(56)); // the world as of 36 s: both answers provably B's

        assertThat(engine.described())
                .containsExactly(
                        "RoomCreated A",
                        "RoomDestroyed A",
                        "RoomCreated B",
                        "UserJoined B host",
                        "UserJoined B x",
                        "UserJoined B y");
        assertThat(engine.held.size())
                .as("the answer read at 37.2 s waits for the listing to pass it")
                .isOne();
        engine.feed(volcSweep(57.3));
        assertThat(engine.held.size()).isZero();
        assertThat(engine.events).hasSize(6);
        assertThat(engine.events)
                .filteredOn(e -> "x".equals(e.userId()))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.observedAt()).as("observed when read").isEqualTo(at(26.4)));
    }

    @Test
    void givenNoReuse_thenAnswersAreAttributedOnceTheListingPassesThem_inReadOrder() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "r", "A", 31, 31.1, "alice"));
        engine.feed(answer(VOLC, "r", "A", 32, 32.1, "alice", "bob"));
        engine.feed(answer(VOLC, "r", "A", 33, 33.1, "bob"));
        assertThat(engine.described()).containsExactly("RoomCreated A");

        engine.feed(volcSweep(53.2)); // listed until 33.2

        assertThat(engine.described())
                .containsExactly("RoomCreated A", "UserJoined A alice", "UserJoined A bob", "UserLeft A alice");
    }

    @Test
    void givenMembersSeenBeforeTheRoomEnds_thenTheyAreDiffedBeforeItsEnd_andNoneAfter() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "r", "A", 31, 31.1, "alice")); // A's
        engine.feed(new RoomGone(new RoomRef(VOLC.room("r"), "A"), null, at(40), at(40.1))); // A ended at 35

        engine.feed(volcSweep(60, RoomSighting.ended("r", "A", at(0), at(35))));

        assertThat(engine.described())
                .containsExactly("RoomCreated A", "UserJoined A alice", "UserLeft A alice", "RoomDestroyed A");
    }

    /**
     * Found by EngineEmulatorIT: creation times are whole seconds, so an incarnation listed as created at 24 s may have
     * begun at 24.9 s; a "room does not exist" read at 24.25 s predates it and must not end it.
     */
    @Test
    void givenAnswerReadWithinTheSecondOfACreationTime_thenItIsNotAttributedToThatIncarnation() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(new RoomGone(new RoomRef(VOLC.room("r"), "A"), null, at(24.25), at(24.3))); // A ended at 23 s

        engine.feed(volcSweep(
                50,
                RoomSighting.ended("r", "A", at(0), at(23)),
                RoomSighting.live("r", "B", at(24)))); // B truly began at 24.9 s; listed in whole seconds

        assertThat(engine.described()).containsExactly("RoomCreated A", "RoomDestroyed A", "RoomCreated B");
        assertThat(engine.events)
                .filteredOn(e -> e.type() == io.roomwatch.model.EventType.ROOM_DESTROYED)
                .singleElement()
                .satisfies(e -> assertThat(e.occurredAt())
                        .as("A's own end, from the listing")
                        .isEqualTo(at(23)));
    }

    @Test
    void givenAnswersThatChangeNothing_thenNothingWaits() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));

        engine.feed(answer(VOLC, "r", "A", 31, 31.1)); // the room is empty, as remembered

        assertThat(engine.held.size()).isZero();
    }

    @Test
    void givenEagerMode_thenOrdinaryChangesAreDiffedAtOnce_butAFirstAnswerAndAWholeNewMembershipWait() {
        Engine engine = new Engine(VOLC, AttributionMode.EAGER);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "r", "A", 31, 31.1, "alice"));
        assertThat(engine.described())
                .as("the first answer after discovery waits")
                .containsExactly("RoomCreated A");
        engine.feed(volcSweep(51.2));
        engine.feed(answer(VOLC, "r", "A", 52, 52.1, "alice", "bob"));
        assertThat(engine.described())
                .as("an ordinary change goes at once")
                .containsExactly("RoomCreated A", "UserJoined A alice", "UserJoined A bob");

        engine.feed(answer(VOLC, "r", "A", 53, 53.1, "carol", "dave")); // everyone replaced: maybe another incarnation

        assertThat(engine.described()).hasSize(3);
        assertThat(engine.held.size()).isEqualTo(1);
    }

    @Test
    void givenEagerMode_thenAnswersQueuedBehindTheFirstGoAsSoonAsItIsProven_notAfterTheirOwnProof() {
        Engine engine = new Engine(VOLC, AttributionMode.EAGER);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "r", "A", 31, 31.1, "alice")); // the first answer: waits for the listing
        engine.feed(answer(VOLC, "r", "A", 40, 40.1, "alice", "bob")); // queued behind it

        engine.feed(volcSweep(51.2)); // proves the first one only (listed until 31.2 s)

        assertThat(engine.described()).containsExactly("RoomCreated A", "UserJoined A alice", "UserJoined A bob");
        assertThat(engine.held.size()).isZero();
    }

    // ---- Tencent

    /** TUILiveKit: sweeps and get_room_info name the live incarnation (its CreateTime) as of when they were sent. */
    private static RoomSweep liveSweep(double sent, double got, RoomSighting... rooms) {
        return RoomSweep.seen(LIVE, Completeness.COMPLETE, List.of(rooms), at(sent), at(got));
    }

    private static RoomSweep liveProbe(double sent, RoomSighting room) {
        return RoomSweep.seen(LIVE, Completeness.PARTIAL, List.of(room), at(sent), at(sent + 0.05));
    }

    private static RoomSighting liveRoom(String roomId, long createTime) {
        return RoomSighting.live(roomId, Long.toString(createTime), T0.plusSeconds(createTime));
    }

    /** A member snapshot read at {@code got}, refreshed every 40 s: it may show the room as of {@code sent - 40}. */
    private static MemberList snapshot(String roomId, long createTime, double sent, double got, String... users) {
        return answer(LIVE, roomId, Long.toString(createTime), sent - 40, got, users);
    }

    @Test
    void givenLiveKitRoomRecreated_thenTheOldIncarnationsSnapshotIsNeverAttributedToTheNewOne() {
        Engine engine = new Engine(LIVE, AttributionMode.SAFE);
        engine.feed(liveSweep(5, 5.1, liveRoom("r", 1)));
        engine.feed(snapshot("r", 1, 45, 45.1, "old-1", "old-2"), liveProbe(45.2, liveRoom("r", 1)));
        engine.feed(liveSweep(55, 55.1, liveRoom("r", 52))); // re-created at 52 s: the old incarnation ended
        // read at 56 s: the snapshot may date from before 52 s and show the old incarnation's members
        engine.feed(snapshot("r", 52, 56, 56.1, "old-1", "old-2"), liveProbe(56.2, liveRoom("r", 52)));
        assertThat(engine.described())
                .containsExactly(
                        "RoomCreated 1",
                        "UserJoined 1 old-1",
                        "UserJoined 1 old-2",
                        "UserLeft 1 old-1",
                        "UserLeft 1 old-2",
                        "RoomDestroyed 1",
                        "RoomCreated 52");

        // read at 96 s: the snapshot dates from 56 s at the earliest, after the new incarnation began
        engine.feed(snapshot("r", 52, 96, 96.1, "new-1"), liveProbe(96.2, liveRoom("r", 52)));

        assertThat(engine.described()).endsWith("RoomCreated 52", "UserJoined 52 new-1");
    }

    @Test
    void givenNewLiveKitRoom_thenSnapshotsThatMayPredateItAreDropped_andTheFirstOneAfterItIsAttributedAtTheProbe() {
        Engine engine = new Engine(LIVE, AttributionMode.SAFE);
        engine.feed(liveSweep(5, 5.1, liveRoom("r", 3)));
        engine.feed(snapshot("r", 3, 6, 6.1, "alice"), liveProbe(6.2, liveRoom("r", 3)));
        assertThat(engine.described())
                .as("a snapshot read at 6 s may date from before the room was created at 3 s")
                .containsExactly("RoomCreated 3");

        engine.feed(snapshot("r", 3, 44, 44.1, "alice"));
        assertThat(engine.described()).containsExactly("RoomCreated 3");
        engine.feed(liveProbe(44.2, liveRoom("r", 3)));

        assertThat(engine.described()).containsExactly("RoomCreated 3", "UserJoined 3 alice");
    }

    @Test
    void givenConferenceRoomRecreatedBetweenTwoSweeps_thenTheAnswerGoesToTheIncarnationTheProbeNames() {
        AppKey conference = AppKey.of(Provider.TENCENT_CONFERENCE, "1400");
        Engine engine = new Engine(conference, AttributionMode.SAFE);
        engine.feed(RoomSweep.seen(conference, Completeness.COMPLETE, List.of(liveRoom("c", 1)), at(5), at(5.1)));
        // re-created at 8 s; the member answer at 9 s (live API) shows the new incarnation's members
        engine.feed(answer(conference, "c", "1", 9, 9.1, "newcomer"));
        engine.feed(RoomSweep.seen(conference, Completeness.PARTIAL, List.of(liveRoom("c", 8)), at(9.2), at(9.3)));

        assertThat(engine.described())
                .containsExactly("RoomCreated 1", "RoomDestroyed 1", "RoomCreated 8", "UserJoined 8 newcomer");
    }

    @Test
    void givenTencentRoomGoneBehindUnconfirmedAnswers_thenThoseAreDropped_andTheRoomEnds() {
        Engine engine = new Engine(LIVE, AttributionMode.SAFE);
        engine.feed(liveSweep(5, 5.1, liveRoom("r", 1)));
        engine.feed(snapshot("r", 1, 50, 50.1, "maybe")); // the probe after it failed: unconfirmed

        engine.feed(new RoomGone(new RoomRef(LIVE.room("r"), "1"), null, at(51), at(51.1)));

        assertThat(engine.described()).containsExactly("RoomCreated 1", "RoomDestroyed 1");
        assertThat(engine.held.size()).isZero();
    }

    @Test
    void givenAnswersThatNeverGetProof_thenTheyAreDroppedAfterMaxHold_andTheQueueIsBounded() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        for (int i = 0; i < 100; i++) {
            engine.feed(answer(VOLC, "r", "A", 31 + i, 31.1 + i, "u" + i));
        }
        assertThat(engine.held.size()).isLessThanOrEqualTo(io.roomwatch.diff.Attribution.MAX_PER_ROOM);

        engine.feed(answer(VOLC, "r", "A", 400, 400.1, "late")); // 2 minutes later: everything older is dropped

        assertThat(engine.held.queues().get("r")).hasSize(1);
        assertThat(engine.described()).containsExactly("RoomCreated A");
    }
}
