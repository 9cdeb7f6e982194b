package io.roomwatch.diff;

import io.roomwatch.model.LeaveReason;
import io.roomwatch.model.Member;
import io.roomwatch.model.RoomState;
import io.roomwatch.model.Visibility;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The members of one room while one member list is applied: who is present, who left, who is missing. Single use. */
final class Roster {

    private final RoomState room;
    private final Emitter out;
    private final Map<String, Member> members;
    private final Map<String, Integer> departed;
    private final Map<String, Integer> absent;

    Roster(RoomState room, Emitter out) {
        this.room = room;
        this.out = out;
        this.members = new HashMap<>(room.members());
        this.departed = new HashMap<>(room.departed());
        this.absent = new HashMap<>(room.absent());
    }

    /** {@code user} is missing from a complete list: one more miss, and a leave once {@code leaveAfterMisses} are reached. */
    void missed(String user, Member member, int leaveAfterMisses) {
        int misses = absent.getOrDefault(user, 0) + 1;
        if (misses < leaveAfterMisses) {
            absent.put(user, misses); // damped: maybe a flap, maybe a vendor list that lagged
            return;
        }
        out.leave(room.ref(), user, member, LeaveReason.LEFT, null);
        members.remove(user);
        absent.remove(user);
        departed.put(user, member.joins());
    }

    /** {@code user} is listed: present (a sighting ends any run of misses), or a new join. */
    void seen(String user, Visibility visibility) {
        absent.remove(user);
        Member present = members.get(user);
        if (present != null) {
            members.put(user, present.withVisibility(visibility));
            return;
        }
        @Nullable Integer before = departed.remove(user);
        members.put(user, out.join(room.ref(), user, visibility, before == null ? 1 : before + 1));
    }

    RoomState state() {
        return room.withMembers(members, departed, absent);
    }
}
