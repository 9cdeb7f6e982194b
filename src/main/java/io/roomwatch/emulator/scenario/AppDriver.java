package io.roomwatch.emulator.scenario;

import io.roomwatch.emulator.AppLoad;
import io.roomwatch.emulator.MemberState;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.RoomSpec;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.world.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;

/** Plays one {@link AppLoad}. Keeps only its own bookkeeping; the truth stays in the {@link World}. */
final class AppDriver {

    private static final long NEVER = Long.MAX_VALUE;
    private static final String BIG_ROOM = "big-room";

    private final World world;
    private final AppLoad load;
    private final SplittableRandom random;
    private final long tickMillis;
    private final Map<RoomAddress, Long> deadlines = new LinkedHashMap<>(); // rooms we created → planned end
    /** Room ids this driver destroyed, most recent last, with when: a re-use takes a recent one. */
    private final ArrayDeque<Map.Entry<String, Long>> retiredIds = new ArrayDeque<>();

    private long roomNo;
    private long userNo;
    private boolean bigRoomDone;

    AppDriver(World world, AppLoad load, SplittableRandom random, long tickMillis) {
        this.world = world;
        this.load = load;
        this.random = random;
        this.tickMillis = tickMillis;
    }

    void tick() {
        long now = world.now();
        deadlines.keySet().removeIf(key -> world.room(key).isEmpty()); // destroyed through the control API
        endExpired(now);
        createRooms(now);
        createBigRoom();
        for (RoomAddress key : new ArrayList<>(deadlines.keySet())) {
            churnMembers(key);
        }
        flap();
        churnViewCounts();
    }

    private void endExpired(long now) {
        for (Map.Entry<RoomAddress, Long> entry : new ArrayList<>(deadlines.entrySet())) {
            if (entry.getValue() <= now) {
                world.destroyRoom(entry.getKey());
                deadlines.remove(entry.getKey());
                retiredIds.addLast(Map.entry(entry.getKey().roomId(), now));
            }
        }
    }

    private void createRooms(long now) {
        int count = draw(load.roomsPerMinute() * tickMillis / 60_000.0);
        for (int i = 0; i < count && deadlines.size() < load.maxRooms(); i++) {
            RoomAddress key = RoomAddress.of(load.vendor(), load.app(), nextRoomId(now));
            if (world.room(key).isEmpty()) {
                world.createRoom(new RoomSpec(key, null, Map.of()));
                deadlines.put(key, now + lifetimeMillis());
            }
        }
    }

    private void createBigRoom() {
        RoomAddress key = RoomAddress.of(load.vendor(), load.app(), BIG_ROOM);
        if (bigRoomDone || load.bigRoomMembers() == 0 || world.room(key).isPresent()) {
            return;
        }
        bigRoomDone = true;
        world.createRoom(new RoomSpec(key, null, Map.of()));
        for (int i = 1; i <= load.bigRoomMembers(); i++) {
            world.join(key, "big-user-" + i, false);
        }
    }

    private void churnMembers(RoomAddress key) {
        int joins = draw(load.joinsPerMinute() * tickMillis / 60_000.0);
        double leaveChance = load.meanStaySeconds() == 0 ? 0 : tickMillis / (load.meanStaySeconds() * 1000);
        List<MemberState> members = world.room(key).map(TrueRoom::members).orElse(List.of());
        quietly(() -> {
            for (MemberState member : members) {
                if (random.nextDouble() < leaveChance) {
                    world.leave(key, member.userId());
                }
            }
            for (int i = 0; i < joins; i++) {
                world.join(key, "user-" + ++userNo, random.nextDouble() < load.invisibleFraction());
            }
        });
    }

    private void flap() {
        Optional<RoomAddress> target = deadlines.keySet().stream().findFirst();
        for (int i = 1; i <= load.flappingUsers() && target.isPresent(); i++) {
            String userId = "flapper-" + i;
            RoomAddress key = target.get();
            boolean inside = world.room(key)
                    .map(r -> r.members().stream().anyMatch(m -> m.userId().equals(userId)))
                    .orElse(false);
            if (random.nextBoolean()) {
                quietly(() -> toggle(key, userId, inside));
            }
        }
    }

    private void toggle(RoomAddress key, String userId, boolean inside) {
        if (inside) {
            world.leave(key, userId);
        } else {
            world.join(key, userId, false);
        }
    }

    private void churnViewCounts() {
        if (load.vendor() != Vendor.TENCENT_LIVE || load.viewCountChurn() == 0) {
            return;
        }
        for (TrueRoom room : world.rooms(load.vendor(), load.app())) {
            long bumped = room.viewCount() + random.nextInt(load.viewCountChurn() + 1);
            quietly(() -> world.setViewCount(room.key(), bumped));
        }
    }

    /**
     * A new room id, or (with {@code roomIdReuseFraction}) the id of a room this driver destroyed: the most recent one
     * that ended at least a second ago, so that the re-use falls within the vendors' delays (Volcengine lists rooms
     * about 20 s late, TUILiveKit member lists are up to 40 s old) while Tencent's incarnation, the creation time in
     * seconds, still differs. Same RoomId, new incarnation: the case pollers must not merge.
     */
    private String nextRoomId(long now) {
        if (!retiredIds.isEmpty() && random.nextDouble() < load.roomIdReuseFraction()) {
            Map.Entry<String, Long> recent = null;
            for (var it = retiredIds.descendingIterator(); it.hasNext(); ) {
                Map.Entry<String, Long> candidate = it.next();
                if (now - candidate.getValue() >= 1_000) {
                    recent = candidate;
                    break;
                }
            }
            if (recent != null) {
                retiredIds.remove(recent);
                return recent.getKey();
            }
        }
        return "room-" + ++roomNo;
    }

    private long lifetimeMillis() {
        if (random.nextDouble() < load.shortLivedFraction()) {
            return 200 + random.nextLong(1800);
        }
        if (load.meanLifetimeSeconds() == 0) {
            return NEVER - world.now();
        }
        return (long) (-Math.log(1 - random.nextDouble()) * load.meanLifetimeSeconds() * 1000);
    }

    private int draw(double expected) {
        int whole = (int) expected;
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (NoSuchElementException e) {
            // the room was destroyed through the control API in the meantime: nothing left to simulate there
        }
    }
}
