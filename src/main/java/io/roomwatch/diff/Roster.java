package io.roomwatch.diff;

import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.Member;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Visibility;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The members of one room while one observation is applied: who is present, who left, who is missing, and since when
 * each recent change is known ({@link RoomState#evidence()}). Single use.
 */
final class Roster {

    private final RoomState room;
    private final Emitter out;
    private final Instant from;
    private final Map<String, Member> members;
    private final Map<String, Integer> departed;
    private final Map<String, Integer> absent;
    private final Map<String, Instant> evidence;
    private final boolean keepEvidence;
    private boolean changed;

    /**
     * @param from the earliest moment the observation can show: a poll's span start, a callback's exact time
     * @param keepEvidence whether changes are remembered with their moment ({@link RoomState#evidence()}): only
     *     needed where callbacks can arrive, which may overtake polls or be overtaken by them; polls of one room are
     *     applied in the order of their spans and need none
     */
    Roster(RoomState room, Emitter out, Instant from, boolean keepEvidence) {
        this.room = room;
        this.out = out;
        this.from = from;
        this.keepEvidence = keepEvidence;
        this.members = new HashMap<>(room.members());
        this.departed = new HashMap<>(room.departed());
        this.absent = new HashMap<>(room.absent());
        this.evidence = new HashMap<>(room.evidence());
    }

    /**
     * Whether this observation may change what is known of {@code user}: it can show a moment no earlier than the one
     * that set the user's presence last. A poll whose data may predate a pushed change, or a callback older than newer
     * evidence, is no evidence about that user.
     */
    boolean applies(String user) {
        Instant known = evidence.get(user);
        return known == null || !from.isBefore(known);
    }

    /** {@code user} is missing from a complete list: one more miss, and a leave once {@code leaveAfterMisses} are reached. */
    void missed(String user, Member member, int leaveAfterMisses) {
        int misses = absent.getOrDefault(user, 0) + 1;
        if (misses < leaveAfterMisses) {
            absent.put(user, misses); // damped: maybe a flap, maybe a vendor list that lagged
            return;
        }
        leave(user, member, null);
    }

    /** {@code user} is listed: present (a sighting ends any run of misses), or a new join. */
    void seen(String user, Visibility visibility) {
        seen(user, visibility, null);
    }

    /** {@code user} is present as of {@code at} (the vendor's time, when it tells): confirmed, or a new join. */
    void seen(String user, Visibility visibility, @Nullable Instant at) {
        absent.remove(user);
        Member present = members.get(user);
        if (present != null) {
            members.put(user, present.withVisibility(visibility));
            if (at != null && keepEvidence) {
                evidence.merge(user, from, Roster::later); // a pushed confirmation: newer evidence
            }
            return;
        }
        @Nullable Integer before = departed.remove(user);
        members.put(user, out.join(room.ref(), user, visibility, before == null ? 1 : before + 1, at));
        changed(user);
    }

    /** A pushed leave of {@code user} at {@code at}: leaves if present; remembered either way, so that older news of
     * the user cannot bring them back. */
    void left(String user, Instant at) {
        Member present = members.get(user);
        if (present != null) {
            leave(user, present, at);
        } else {
            changed(user);
        }
    }

    private void leave(String user, Member member, @Nullable Instant at) {
        out.leave(room.ref(), user, member, LeaveReason.LEFT, at);
        members.remove(user);
        absent.remove(user);
        departed.put(user, member.joins());
        changed(user);
    }

    private void changed(String user) {
        if (keepEvidence) {
            evidence.merge(user, from, Roster::later);
        }
        changed = true;
    }

    /**
     * The state after the observation. Evidence older than {@link RoomState#EVIDENCE_WINDOW} before it (all of it,
     * when none is kept) is dropped when something changed (not otherwise: an unchanged room is not rewritten for
     * that).
     */
    RoomState state() {
        if (changed && !keepEvidence) {
            evidence.clear(); // left from a run that took callbacks: nothing can contradict it now
        } else if (changed) {
            Instant oldest = from.minus(RoomState.EVIDENCE_WINDOW);
            evidence.values().removeIf(at -> at.isBefore(oldest));
        }
        return room.withMembers(members, departed, absent, evidence);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
