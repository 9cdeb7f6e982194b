package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.diff.HeldAnswers;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.Origin;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.Pushed.Change;
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
 * Push and pull merged (issue 17): callbacks are observations diffed with the polls' answers, so a change seen by
 * both yields one event, a poll whose data may predate a pushed change never undoes it, a late or re-ordered callback
 * never undoes newer evidence, and a push is attributed only to an incarnation known to be live at its moment.
 */
class PushOrderingTest {

    private static final AppKey VOLC = AppKey.of(Provider.VOLCENGINE, "app");
    private static final AppKey LIVE = AppKey.of(Provider.TENCENT_LIVE, "1400");
    private static final AppKey CONF = AppKey.of(Provider.TENCENT_CONFERENCE, "1400");
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static long receipts;

    /** Feeds batches to Batch.diff as the engine does. */
    private static final class Engine {
        AppState state;
        HeldAnswers held = HeldAnswers.none();
        final Set<RoomRef> answered = new HashSet<>();
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
                            + (e.userId() == null ? "" : " " + e.userId()) + " "
                            + e.origin().id())
                    .toList();
        }
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    private static RoomSweep volcSweep(double second, RoomSighting... rooms) {
        return new RoomSweep(VOLC, Completeness.PARTIAL, List.of(rooms), at(second), at(second - 20));
    }

    /** A TUIRoomKit probe or sweep naming the live incarnation from {@code sent}. */
    private static RoomSweep seen(AppKey app, double sent, RoomSighting room) {
        return RoomSweep.seen(app, Completeness.PARTIAL, List.of(room), at(sent), at(sent + 0.05));
    }

    private static MemberList answer(AppKey app, String incarnation, double from, double got, String... users) {
        Map<String, Visibility> members = new LinkedHashMap<>();
        for (String user : users) {
            members.put(user, Visibility.VISIBLE);
        }
        return new MemberList(
                new RoomRef(app.room("r"), incarnation), Completeness.COMPLETE, members, at(from), at(got));
    }

    private static Pushed member(AppKey app, Change change, String user, double at, double received) {
        return Pushed.member(app.room("r"), change, user, Visibility.VISIBLE, at(at), at(received), "cb", ++receipts);
    }

    private static Pushed created(AppKey app, String incarnation, double at, double received) {
        return new Pushed(
                app.room("r"),
                incarnation,
                Change.ROOM_CREATED,
                null,
                Visibility.VISIBLE,
                at(at),
                at(at),
                at(received),
                "cb",
                ++receipts);
    }

    private static Pushed destroyed(AppKey app, String incarnation, double at, double received) {
        return new Pushed(
                app.room("r"),
                incarnation,
                Change.ROOM_DESTROYED,
                null,
                Visibility.VISIBLE,
                null,
                at(at),
                at(received),
                "cb",
                ++receipts);
    }

    /** A conference room "1" created at 0 s, with alice polled in, answered before. */
    private static Engine conferenceWithAlice() {
        Engine engine = new Engine(CONF, AttributionMode.SAFE);
        engine.feed(seen(CONF, 1, RoomSighting.live("r", "1", at(0))));
        engine.feed(answer(CONF, "1", 2, 2.1, "alice"), seen(CONF, 2.2, RoomSighting.live("r", "1", at(0))));
        assertThat(engine.described()).containsExactly("RoomCreated 1 poll", "UserJoined 1 alice poll");
        return engine;
    }

    @Test
    void givenAJoinPushedThenPolled_thenOneEvent_fromTheCallback_atTheVendorsTime() {
        Engine engine = conferenceWithAlice();

        engine.feed(
                member(CONF, Change.USER_JOINED, "bob", 10, 10.1),
                seen(CONF, 10.2, RoomSighting.live("r", "1", at(0))));
        engine.feed(answer(CONF, "1", 11, 11.1, "alice", "bob"), seen(CONF, 11.2, RoomSighting.live("r", "1", at(0))));
        engine.feed(member(CONF, Change.USER_JOINED, "bob", 10, 12)); // the vendor's retry

        assertThat(engine.described()).endsWith("UserJoined 1 bob callback").hasSize(3);
        assertThat(engine.events.get(2).occurredAt()).isEqualTo(at(10));
    }

    @Test
    void givenAJoinPolledFirst_thenTheLateCallbackAddsNothing() {
        Engine engine = conferenceWithAlice();

        engine.feed(answer(CONF, "1", 11, 11.1, "alice", "bob"), seen(CONF, 11.2, RoomSighting.live("r", "1", at(0))));
        engine.feed(
                member(CONF, Change.USER_JOINED, "bob", 10.5, 13),
                seen(CONF, 13.1, RoomSighting.live("r", "1", at(0))));

        assertThat(engine.described()).endsWith("UserJoined 1 bob poll").hasSize(3);
    }

    @Test
    void givenALeavePushed_thenAPollWhoseDataMayPredateItNeverRejoinsTheUser() {
        Engine engine = conferenceWithAlice();
        engine.feed(
                member(CONF, Change.USER_LEFT, "alice", 20, 20.1),
                seen(CONF, 20.2, RoomSighting.live("r", "1", at(0))));

        // a snapshot refreshed before the leave (its span starts at 5 s), read after it
        engine.feed(answer(CONF, "1", 5, 21, "alice"), seen(CONF, 21.2, RoomSighting.live("r", "1", at(0))));
        // a poll whose data is newer than the leave: she is still away
        engine.feed(answer(CONF, "1", 30, 30.1), seen(CONF, 30.2, RoomSighting.live("r", "1", at(0))));
        // and one that shows her back is a real re-join
        engine.feed(answer(CONF, "1", 40, 40.1, "alice"), seen(CONF, 40.2, RoomSighting.live("r", "1", at(0))));

        assertThat(engine.described())
                .containsExactly(
                        "RoomCreated 1 poll",
                        "UserJoined 1 alice poll",
                        "UserLeft 1 alice callback",
                        "UserJoined 1 alice poll");
        assertThat(engine.events.get(3).observedAt()).isEqualTo(at(40.1));
    }

    @Test
    void givenALeavePolled_thenAReorderedOlderJoinCallbackDoesNotUndoIt() {
        Engine engine = conferenceWithAlice();
        engine.feed(answer(CONF, "1", 20, 20.1), seen(CONF, 20.2, RoomSighting.live("r", "1", at(0))));
        assertThat(engine.described()).endsWith("UserLeft 1 alice poll");

        engine.feed(
                member(CONF, Change.USER_JOINED, "alice", 15, 22),
                seen(CONF, 22.1, RoomSighting.live("r", "1", at(0))));

        assertThat(engine.described()).hasSize(3).endsWith("UserLeft 1 alice poll");
    }

    @Test
    void givenCallbacksReordered_thenTheNewestWins_andDuplicatesAddNothing() {
        Engine engine = conferenceWithAlice();
        Pushed join = member(CONF, Change.USER_JOINED, "bob", 10, 14);
        Pushed leave = member(CONF, Change.USER_LEFT, "bob", 12, 12.5);
        engine.feed(
                member(CONF, Change.USER_JOINED, "carol", 11, 11.5),
                leave,
                join, // older than the leave: changes nothing
                member(CONF, Change.USER_JOINED, "carol", 11, 15), // duplicate
                seen(CONF, 15.1, RoomSighting.live("r", "1", at(0))));

        assertThat(engine.described())
                .containsExactly("RoomCreated 1 poll", "UserJoined 1 alice poll", "UserJoined 1 carol callback");
        assertThat(engine.state.live().get("r").members()).containsOnlyKeys("alice", "carol");
    }

    @Test
    void givenAPushForARoomNotYetListed_thenItWaitsForTheListing_andGoesToTheIncarnationLiveThen() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(member(VOLC, Change.USER_JOINED, "x", 5, 5.1)); // Volcengine lists the room ~20 s late
        assertThat(engine.events).isEmpty();
        assertThat(engine.held.size()).isOne();

        engine.feed(volcSweep(22, RoomSighting.live("r", "B", at(3))));
        assertThat(engine.described()).containsExactly("RoomCreated B poll");

        engine.feed(volcSweep(32)); // the world as of 12 s: B was the room id's only incarnation at 5 s
        assertThat(engine.described()).containsExactly("RoomCreated B poll", "UserJoined B x callback");
    }

    @Test
    void givenAPushOfAnIncarnationThatAlreadyEnded_thenItIsNeverAttributedToItsSuccessor() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "A", 30.1, 30.2, "host"));
        engine.feed(volcSweep(40), volcSweep(51));
        assertThat(engine.described()).containsExactly("RoomCreated A poll", "UserJoined A host poll");

        // A ends at 52, B of the same room id from 52.4; x joins B at 53: pushed at once, listed 20 s later
        engine.feed(member(VOLC, Change.USER_JOINED, "x", 53, 53.1));
        engine.feed(volcSweep(62)); // as of 42 s: A still the only one; the push's moment is not covered yet
        assertThat(engine.described()).hasSize(2);
        engine.feed(volcSweep(75, RoomSighting.ended("r", "A", at(0), at(52)), RoomSighting.live("r", "B", at(52))));

        assertThat(engine.described())
                .containsExactly(
                        "RoomCreated A poll",
                        "UserJoined A host poll",
                        "UserLeft A host poll",
                        "RoomDestroyed A poll",
                        "RoomCreated B poll",
                        "UserJoined B x callback");
    }

    @Test
    void givenADestroyPushed_thenTheListingOfTheEndedIncarnationAddsNothing() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "A", 30.1, 30.2, "host"));
        engine.feed(volcSweep(51));
        engine.feed(destroyed(VOLC, null, 52, 52.1));
        engine.feed(volcSweep(75, RoomSighting.ended("r", "A", at(0), at(52))));
        engine.feed(volcSweep(85, RoomSighting.ended("r", "A", at(0), at(52))));

        assertThat(engine.described())
                .containsExactly(
                        "RoomCreated A poll",
                        "UserJoined A host poll",
                        "UserLeft A host callback",
                        "RoomDestroyed A callback");
        assertThat(engine.events.get(3).occurredAt()).isEqualTo(at(52));
    }

    @Test
    void givenATencentCreationPushed_thenTheRoomExistsAtOnce_andItsListingAddsNothing() {
        Engine engine = new Engine(LIVE, AttributionMode.SAFE);
        engine.feed(created(LIVE, "100", 100, 100.2));
        engine.feed(
                member(LIVE, Change.USER_JOINED, "host", 100.5, 100.6),
                seen(LIVE, 100.7, RoomSighting.live("r", "100", at(100))));
        engine.feed(seen(LIVE, 105, RoomSighting.live("r", "100", at(100))));

        assertThat(engine.described()).containsExactly("RoomCreated 100 callback", "UserJoined 100 host callback");
        assertThat(engine.events.get(0).occurredAt()).isEqualTo(at(100));
    }

    @Test
    void givenAPushNamingAnEndedIncarnation_thenItIsDropped() {
        Engine engine = new Engine(LIVE, AttributionMode.SAFE);
        engine.feed(created(LIVE, "100", 100, 100.2));
        engine.feed(destroyed(LIVE, "100", 110, 110.1));
        engine.feed(created(LIVE, "120", 120, 120.1));
        engine.feed(destroyed(LIVE, "100", 110, 125)); // the vendor's late retry of the first destroy

        assertThat(engine.described())
                .containsExactly("RoomCreated 100 callback", "RoomDestroyed 100 callback", "RoomCreated 120 callback");
        assertThat(engine.held.size()).isZero();
    }

    @Test
    void givenEagerMode_thenAMemberPushOfAnAnsweredRoomGoesAtOnce() {
        Engine engine = new Engine(VOLC, AttributionMode.EAGER);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "A", 30.1, 30.2, "host"));
        engine.feed(volcSweep(51));
        engine.feed(member(VOLC, Change.USER_JOINED, "x", 60, 60.1));

        assertThat(engine.described()).endsWith("UserJoined A x callback");
    }

    @Test
    void givenSafeMode_thenAVolcengineMemberPushWaitsForTheListingToPassItsMoment() {
        Engine engine = new Engine(VOLC, AttributionMode.SAFE);
        engine.feed(volcSweep(30, RoomSighting.live("r", "A", at(0))));
        engine.feed(answer(VOLC, "A", 30.1, 30.2, "host"));
        engine.feed(volcSweep(51));
        engine.feed(member(VOLC, Change.USER_JOINED, "x", 60, 60.1));
        assertThat(engine.described()).hasSize(2);

        engine.feed(volcSweep(81));
        assertThat(engine.described()).endsWith("UserJoined A x callback");
        assertThat(engine.events).last().extracting(PresenceEvent::origin).isEqualTo(Origin.CALLBACK);
    }
}
