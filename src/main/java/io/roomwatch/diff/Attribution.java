package io.roomwatch.diff;

import io.roomwatch.model.AppState;
import io.roomwatch.model.AttributionMode;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.Pushed;
import io.roomwatch.model.Retired;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.RoomSweep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a member answer may be diffed, and against which incarnation. Vendors' member APIs do not say which
 * incarnation of a room id they answer for, and the room side learns of a new incarnation late (Volcengine lists rooms
 * about 20 s late; Tencent sweeps and probes come every few seconds), so an answer read just after a room id was
 * re-used can show the new incarnation's members while the engine still believes the old one is live.
 *
 * <p><b>The rule</b>: an answer whose data may show the room at any moment of {@code [dataFrom, observedAt]} is
 * attributed to incarnation X only once X is known to have been the room id's only incarnation over that whole span:
 *
 * <ul>
 *   <li>X existed from the start of the span: {@code createdAt(X) + 1 s <= dataFrom} (vendors give creation times
 *       in whole seconds, so X may have begun up to a second after the time listed). A snapshot whose span starts earlier
 *       (TUILiveKit, in the first 40 s of an incarnation) may show an earlier incarnation's members, even one that
 *       lived and ended between two sweeps unseen: it is dropped;
 *   <li>and X lasted through its end: a listing complete for creations up to {@code listedUntil >= observedAt}
 *       (Volcengine: any newer incarnation would be listed and would have replaced X), or a sighting naming X as the
 *       live incarnation at some moment at or after {@code observedAt} ({@link RoomSweep#seenFrom()}: Tencent
 *       listings and {@code get_room_info}).
 * </ul>
 *
 * An answer that can never meet the rule (its span starts before X and a predecessor may have been live then, or it
 * was read before X existed, or the room id has no live incarnation) is dropped: unknown, never empty. A {@link
 * RoomGone} needs the same proof where listings are complete (the listing then shows whether another incarnation
 * lived in between); where incarnations are named by sightings, it ends X at once, and answers still waiting before
 * it are dropped (X's liveness after them can no longer be shown).
 *
 * <p><b>What waits</b>: in {@link AttributionMode#SAFE} every answer that would yield an event (the caller says so); in {@link
 * Mode#EAGER} only answers with a sign of an incarnation change: a room's first answer after discovery, a {@link
 * RoomGone}, a complete list that is empty where members were present or shares no member with them. Once one answer
 * of a room waits, every later answer of that room waits behind it, so a room's answers are always diffed in the
 * order they were read. Answers that change nothing are diffed at once (against the incarnation they were asked for).
 *
 * <p>Bounds: at most {@link #MAX_PER_ROOM} answers wait per room (a new answer equal to the last waiting one is dropped
 * first, then the oldest); an answer waits at most {@code maxHold}, measured on the answers' own {@code observedAt}.
 *
 * <p>Pure and deterministic; single use and single thread, like {@link AppState.Builder}: one per batch.
 */
public final class Attribution {

    /** How precise vendors' creation times are: Volcengine {@code CreateTime} and Tencent's are whole seconds. */
    static final Duration CREATION_PRECISION = Duration.ofSeconds(1);

    /** Answers waiting per room at most. */
    public static final int MAX_PER_ROOM = 32;

    private final AttributionMode mode;
    private final Duration maxHold;
    private final Set<RoomRef> answered;
    private final Map<String, ArrayDeque<Observation>> queues = new HashMap<>();
    private final Map<RoomRef, Instant> liveAt = new HashMap<>();
    private final Set<RoomRef> newlyAnswered = new HashSet<>();
    private Instant clock;
    private int held;
    private int released;
    private int dropped;

    /**
     * @param from what the previous batch left waiting
     * @param mode how cautious to be
     * @param maxHold how long an answer may wait
     * @param answered incarnations that already had an answer diffed (read only; for {@link AttributionMode#EAGER})
     */
    public Attribution(HeldAnswers from, AttributionMode mode, Duration maxHold, Set<RoomRef> answered) {
        this.mode = mode;
        this.maxHold = maxHold;
        this.answered = answered;
        this.clock = from.clock();
        from.queues().forEach((roomId, waiting) -> queues.put(roomId, new ArrayDeque<>(waiting)));
    }

    /**
     * A member-poll answer ({@link MemberList} or {@link RoomGone}).
     *
     * @param state the state as of what was diffed so far in this batch
     * @param newsworthy whether diffing the answer now, against the incarnation it was asked for, yields an event
     * @return what to diff now, in order, each naming the incarnation it is attributed to
     */
    public List<Observation> answer(AppState.Builder state, Observation answer, boolean newsworthy) {
        tick(answer.observedAt());
        Span span = Span.of(answer);
        String roomId = span.roomId();
        ArrayDeque<Observation> waiting = queues.get(roomId);
        if (waiting == null || waiting.isEmpty()) {
            RoomState live = state.live(roomId);
            if (live == null && span.askedFor() != null) {
                dropped++; // polled for an incarnation no longer live, and none is live: nothing to attribute to
                return List.of();
            }
            if (live == null) {
                // a push may come before the room is listed (Volcengine lists new rooms ~20 s late): it waits
                hold(roomId, answer);
                return release(state, roomId);
            }
            if (!newsworthy) {
                return List.of(answer); // changes nothing; diffed against the incarnation it was asked for
            }
            Judgement now = judge(state, answer, waiting);
            if (now.verdict() == Verdict.ATTRIBUTE || (mode == AttributionMode.EAGER && !suspicious(live, answer))) {
                newlyAnswered.add(live.ref());
                return List.of(attributed(answer, live.ref()));
            }
        }
        hold(roomId, answer);
        return release(state, roomId);
    }

    /**
     * Before {@code sweep} is diffed: notes which incarnations it names as live, and returns the waiting answers it
     * proves belong to the incarnations live now (which the sweep may end), to be diffed before it.
     */
    public List<Observation> beforeSweep(AppState.Builder state, RoomSweep sweep) {
        tick(sweep.observedAt());
        if (sweep.seenFrom() != null) {
            for (RoomSighting sighting : sweep.rooms()) {
                if (!sighting.finished() && queues.containsKey(sighting.roomId())) {
                    liveAt.merge(
                            new RoomRef(sweep.app().room(sighting.roomId()), sighting.incarnation()),
                            sweep.seenFrom(),
                            (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        List<Observation> out = new ArrayList<>();
        for (String roomId : List.copyOf(queues.keySet())) {
            RoomState live = state.live(roomId);
            if (live != null) {
                out.addAll(release(state, roomId, listedBound(sweep, live)));
            }
        }
        return out;
    }

    /** After a sweep was diffed into {@code state}: the waiting answers that can now be attributed or dropped. */
    public List<Observation> afterSweep(AppState.Builder state) {
        List<Observation> out = new ArrayList<>();
        for (String roomId : List.copyOf(queues.keySet())) {
            out.addAll(release(state, roomId));
        }
        return out;
    }

    /** What waits for the next batch. */
    public HeldAnswers result() {
        Map<String, List<Observation>> kept = new HashMap<>();
        queues.forEach((roomId, waiting) -> {
            if (!waiting.isEmpty()) {
                kept.put(roomId, List.copyOf(waiting));
            }
        });
        return new HeldAnswers(kept, clock);
    }

    /** Incarnations that had their first answer diffed in this batch. */
    public Set<RoomRef> newlyAnswered() {
        return Collections.unmodifiableSet(newlyAnswered);
    }

    /** Answers that started waiting in this batch. */
    public int held() {
        return held;
    }

    /** Waiting answers attributed and diffed in this batch. */
    public int released() {
        return released;
    }

    /** Answers dropped in this batch as never attributable (or too old, or over the per-room bound). */
    public int dropped() {
        return dropped;
    }

    // ---- rules

    private enum Verdict {
        ATTRIBUTE,
        DROP,
        WAIT
    }

    private record Judgement(Verdict verdict, @Nullable RoomRef to) {
        static final Judgement DROP = new Judgement(Verdict.DROP, null);
        static final Judgement WAIT = new Judgement(Verdict.WAIT, null);
    }

    private List<Observation> release(AppState.Builder state, String roomId) {
        return release(state, roomId, null);
    }

    /** Diffs the room's waiting answers from the oldest while each is attributable or dropped; {@code bound}: see {@link #listedBound}. */
    private List<Observation> release(AppState.Builder state, String roomId, @Nullable Instant bound) {
        ArrayDeque<Observation> waiting = queues.get(roomId);
        List<Observation> out = new ArrayList<>();
        while (waiting != null && !waiting.isEmpty()) {
            Observation head = waiting.peekFirst();
            Judgement judgement = judge(state, head, waiting, bound);
            RoomState live = state.live(roomId);
            if (judgement.verdict() == Verdict.WAIT
                    && mode == AttributionMode.EAGER
                    && live != null
                    && !suspicious(live, head)) {
                // eager: what waited behind a suspicious answer needs no more proof than it would have alone
                judgement = new Judgement(Verdict.ATTRIBUTE, live.ref());
            }
            if (judgement.verdict() == Verdict.WAIT) {
                break;
            }
            waiting.pollFirst();
            if (judgement.verdict() == Verdict.DROP) {
                dropped++;
            } else {
                released++;
                newlyAnswered.add(judgement.to());
                out.add(attributed(head, judgement.to()));
            }
        }
        if (waiting != null && waiting.isEmpty()) {
            queues.remove(roomId);
        }
        return out;
    }

    private Judgement judge(AppState.Builder state, Observation answer, @Nullable ArrayDeque<Observation> waiting) {
        return judge(state, answer, waiting, null);
    }

    /**
     * The rule, for one answer against the room's live incarnation X.
     *
     * @param listedBound X's only-incarnation bound from a sweep about to be diffed, if any
     */
    private Judgement judge(
            AppState.Builder state,
            Observation answer,
            @Nullable ArrayDeque<Observation> waiting,
            @Nullable Instant listedBound) {
        Span span = Span.of(answer);
        String roomId = span.roomId();
        Instant from = span.from();
        Instant at = span.until();
        RoomState live = state.live(roomId);
        if (span.named() != null) {
            return named(state, roomId, span.named(), live);
        }
        if (live == null) {
            // no live incarnation: once listings are complete past the answer, whatever it showed has ended and was
            // closed; otherwise a later sweep may still name an incarnation created before it: wait (bounded)
            return state.listedUntil() != null && !state.listedUntil().isBefore(at) ? Judgement.DROP : Judgement.WAIT;
        }
        Instant created = live.createdAt();
        if (created != null && at.isBefore(created)) {
            return Judgement.DROP; // read before X existed: an older incarnation's, already closed
        }
        // vendors give creation times in whole seconds: X may have begun up to a second after the time listed
        Instant surelyExisted = created == null ? null : created.plus(margin(state, span, live));
        boolean startsBefore;
        if (surelyExisted != null) {
            startsBefore = from.isBefore(surelyExisted);
        } else {
            // creation unknown: a poll was asked for one incarnation; a push names none, and waits for proof below
            startsBefore = span.askedFor() != null && !span.askedFor().equals(live.ref());
        }
        if (startsBefore) {
            // a snapshot that may show the room before X existed: an earlier incarnation's members, even one that
            // lived and ended between two sweeps unseen; its span never changes, so it can never be attributed
            return Judgement.DROP;
        }
        Instant listed = later(state.listedUntil(), listedBound);
        boolean onlyThrough = listed != null && !listed.isBefore(at);
        Instant seen = liveAt.get(live.ref());
        boolean seenAfter = seen != null && !seen.isBefore(at);
        if (span.ends()) {
            if (seenAfter) {
                return Judgement.DROP; // contradicted: X was seen live after the answer
            }
            if (onlyThrough || state.listedUntil() == null) {
                // complete listings: no other incarnation in between, X ended by then; sightings: X ended by then
                return new Judgement(Verdict.ATTRIBUTE, live.ref());
            }
            return Judgement.WAIT;
        }
        if (onlyThrough || seenAfter) {
            return new Judgement(Verdict.ATTRIBUTE, live.ref());
        }
        if (state.listedUntil() == null && waiting != null && endsLater(waiting, live.ref())) {
            return Judgement.DROP; // X ended after it, and no sighting after it can come any more
        }
        return Judgement.WAIT;
    }

    /**
     * A push that names its incarnation (Tencent's {@code CreateTime} in {@code RoomInfo}): attributed to it while it
     * is the live one; dropped once it is known to have ended (history); otherwise it waits for the sweep, probe or
     * pushed creation that makes it known (bounded by {@code maxHold}).
     */
    private static Judgement named(
            AppState.Builder state, String roomId, String incarnation, @Nullable RoomState live) {
        if (live != null && live.ref().incarnation().equals(incarnation)) {
            return new Judgement(Verdict.ATTRIBUTE, live.ref());
        }
        Retired mark = state.retired(roomId);
        if (mark != null && mark.ended().containsKey(incarnation)) {
            return Judgement.DROP;
        }
        return Judgement.WAIT;
    }

    /**
     * How long after its listed creation time an incarnation surely existed. A poll's answer needs the whole second
     * (vendors give creation times in whole seconds). A push tells its exact moment: a second would drop the joins of
     * a room's first second, which every room has, so it gets no margin unless an earlier incarnation of the room id is
     * known to have ended within that second (then the push may be that one's, and it needs the margin).
     */
    private static Duration margin(AppState.Builder state, Span span, RoomState live) {
        if (!span.exact() || live.createdAt() == null) {
            return CREATION_PRECISION;
        }
        Retired mark = state.retired(span.roomId());
        Instant predecessorEnd = mark == null ? null : mark.lastEnd();
        boolean closeCall = predecessorEnd != null
                && !predecessorEnd.isBefore(live.createdAt().minus(CREATION_PRECISION));
        return closeCall ? CREATION_PRECISION : Duration.ZERO;
    }

    /**
     * The bound up to which {@code sweep} shows {@code live} as its room id's only incarnation since its creation: the
     * listing's watermark, cut at the creation of a newer incarnation or the incarnation's end it lists.
     */
    private static @Nullable Instant listedBound(RoomSweep sweep, RoomState live) {
        Instant bound = sweep.listedUntil();
        if (bound == null) {
            return null;
        }
        for (RoomSighting sighting : sweep.rooms()) {
            if (!sighting.roomId().equals(live.ref().key().roomId())) {
                continue;
            }
            if (sighting.incarnation().equals(live.ref().incarnation())) {
                if (sighting.finished() && sighting.endedAt() != null) {
                    bound = earlier(bound, sighting.endedAt());
                }
            } else if (sighting.createdAt() == null) {
                return null; // another incarnation of unknown age: nothing is shown
            } else if (live.createdAt() == null || sighting.createdAt().isAfter(live.createdAt())) {
                bound = earlier(bound, sighting.createdAt().minusMillis(1));
            }
        }
        return bound;
    }

    /** Whether a {@link RoomGone} of {@code ref} waits behind the head. */
    private static boolean endsLater(ArrayDeque<Observation> waiting, RoomRef ref) {
        return waiting.stream()
                .skip(1)
                .anyMatch(o -> o instanceof RoomGone gone && gone.room().equals(ref));
    }

    /** {@link AttributionMode#EAGER}: signs that the answer may come from another incarnation than the live one. */
    private boolean suspicious(RoomState live, Observation answer) {
        if (answer instanceof Pushed push) {
            // a member push for a room whose answers were attributed before: as trustworthy as a poll's
            return !push.change().isMember() || (!answered.contains(live.ref()) && !newlyAnswered.contains(live.ref()));
        }
        if (!(answer instanceof MemberList list) || !list.room().equals(live.ref())) {
            return true; // a room that ended, or an answer asked for another incarnation
        }
        if (!answered.contains(live.ref()) && !newlyAnswered.contains(live.ref())) {
            return true; // the first answer after discovery: a room re-created within the listing delay looks the same
        }
        if (list.completeness() != Completeness.COMPLETE || live.members().isEmpty()) {
            return false;
        }
        return list.members().isEmpty()
                || Collections.disjoint(list.members().keySet(), live.members().keySet());
    }

    // ---- bookkeeping

    private void hold(String roomId, Observation answer) {
        ArrayDeque<Observation> waiting = queues.computeIfAbsent(roomId, k -> new ArrayDeque<>());
        if (waiting.size() >= MAX_PER_ROOM) {
            dropped++;
            if (sameContent(waiting.peekLast(), answer)) {
                return; // the newest of two equal answers adds nothing but a later time
            }
            waiting.pollFirst();
        }
        waiting.addLast(answer);
        held++;
    }

    /** Advances the clock and drops what waited longer than {@code maxHold}. */
    private void tick(Instant observedAt) {
        if (observedAt.isAfter(clock)) {
            clock = observedAt;
        }
        Instant oldest = clock.minus(maxHold);
        queues.values().removeIf(waiting -> {
            while (!waiting.isEmpty() && waiting.peekFirst().observedAt().isBefore(oldest)) {
                waiting.pollFirst();
                dropped++;
            }
            return waiting.isEmpty();
        });
    }

    private static boolean sameContent(@Nullable Observation a, Observation b) {
        if (a instanceof MemberList x && b instanceof MemberList y) {
            return x.room().equals(y.room())
                    && x.completeness() == y.completeness()
                    && x.members().equals(y.members());
        }
        return a instanceof RoomGone x && b instanceof RoomGone y && x.room().equals(y.room());
    }

    private static Observation attributed(Observation answer, RoomRef to) {
        if (answer instanceof Pushed push) {
            return to.incarnation().equals(push.incarnation()) ? push : push.attributedTo(to);
        }
        if (answer instanceof MemberList list) {
            return list.room().equals(to) ? list : list.attributedTo(to);
        }
        RoomGone gone = (RoomGone) answer;
        return gone.room().equals(to) ? gone : new RoomGone(to, gone.endedAt(), gone.dataFrom(), gone.observedAt());
    }

    /**
     * What the rule needs of a member answer, whatever its kind, read in one place.
     *
     * @param roomId the room id it is about
     * @param from the earliest moment it may show
     * @param until the latest moment it may show: when a poll's answer was received; a push's own moment
     * @param askedFor the incarnation a poll was asked for (a belief, maybe outdated); null for a push
     * @param named the incarnation the vendor names (a fact: Tencent's room callbacks); null for polls
     * @param exact whether the span is one moment the vendor told (a push), not a poll's window
     * @param ends whether it says the incarnation ended ({@link RoomGone}, a pushed destroy)
     */
    private record Span(
            String roomId,
            Instant from,
            Instant until,
            @Nullable RoomRef askedFor,
            @Nullable String named,
            boolean exact,
            boolean ends) {

        static Span of(Observation answer) {
            if (answer instanceof Pushed push) {
                boolean destroy = push.change() == Pushed.Change.ROOM_DESTROYED;
                return new Span(push.room().roomId(), push.at(), push.at(), null, push.incarnation(), true, destroy);
            }
            if (answer instanceof MemberList list) {
                return new Span(
                        list.room().key().roomId(),
                        list.dataFrom(),
                        list.observedAt(),
                        list.room(),
                        null,
                        false,
                        false);
            }
            if (answer instanceof RoomGone gone) {
                return new Span(
                        gone.room().key().roomId(), gone.dataFrom(), gone.observedAt(), gone.room(), null, false, true);
            }
            throw new IllegalArgumentException(
                    "not a member answer: " + answer.getClass().getSimpleName());
        }
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
