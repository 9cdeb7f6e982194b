package io.roomwatch.emulator.callback;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.roomwatch.emulator.CallbackOptions;
import io.roomwatch.emulator.Change;
import io.roomwatch.emulator.ChangePage;
import io.roomwatch.emulator.ChangeType;
import io.roomwatch.emulator.EmulatorConfig;
import io.roomwatch.emulator.RoomAddress;
import io.roomwatch.emulator.TencentApp;
import io.roomwatch.emulator.TrueRoom;
import io.roomwatch.emulator.Vendor;
import io.roomwatch.emulator.world.World;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns each change of the log into its deliveries: the vendor's callback (if it sends one), with the faults drawn.
 * Not thread-safe: the sender calls it from its one serial stage, in log order.
 *
 * <p>Fault draws come from a {@link SplittableRandom} seeded with the options' seed and the change's seq, so a change
 * meets the same fate whatever was read before it and however the log was paged.
 */
final class CallbackPlanner {

    private static final String PROVIDER_VOLCENGINE = "volcengine";
    private static final String PROVIDER_LIVE = "tencent-live";
    private static final String PROVIDER_CONFERENCE = "tencent-conference";

    private final World world;
    private final CallbackOptions options;
    private final Counters counters;
    private final String target;
    private final long runId;
    private final VolcengineNotices volcengine;
    private final TencentNotices tencent;
    private final Map<String, String> administrators = new HashMap<>();
    private final Map<Life, RoomFacts> rooms = new HashMap<>();

    /**
     * @param runId distinguishes this emulator run in Volcengine {@code EventId}s, so that a receiver de-duplicating
     *     across an emulator restart (whose log starts again at seq 1) does not drop new events
     */
    CallbackPlanner(World world, EmulatorConfig config, Counters counters, long runId) {
        this.world = world;
        this.options = config.callbacks();
        this.counters = counters;
        this.target = String.valueOf(options.target());
        this.runId = runId;
        this.volcengine = new VolcengineNotices(options);
        this.tencent = new TencentNotices(options);
        for (TencentApp app : config.tencentApps()) {
            administrators.put(Long.toString(app.sdkAppId()), operator(app));
        }
    }

    /** The deliveries reporting {@code change}: none, one, or more with the duplicate and forgery faults. */
    List<OutgoingCallback> plan(Change change) {
        counters.changes.increment();
        Draws draws = Draws.of(new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + change.seq()), options);
        RoomFacts room = track(change);
        Optional<OutgoingCallback> genuine = genuine(change, room, draws);
        if (genuine.isEmpty()) {
            counters.suppressed.increment();
            return List.of();
        }
        if (draws.lost) {
            counters.lost.increment();
            return List.of();
        }
        List<OutgoingCallback> deliveries = new ArrayList<>(3);
        deliveries.add(genuine.get().delayedBy(draws.delays[0]));
        if (draws.duplicated) {
            counters.duplicated.increment();
            deliveries.add(genuine.get().delayedBy(draws.delays[1]));
        }
        if (draws.forged) {
            counters.forged.increment();
            deliveries.add(forged(change, room, draws).delayedBy(draws.delays[2]));
        }
        return deliveries;
    }

    private Optional<OutgoingCallback> genuine(Change change, RoomFacts room, Draws draws) {
        if (change.vendor() == Vendor.VOLCENGINE) {
            return volcengine.eventType(change).map(type -> volcengineDelivery(change, type, draws, false));
        }
        if (change.vendor() == Vendor.TENCENT_LIVE && change.type() == ChangeType.UserLeft && dissolved(change)) {
            return Optional.empty(); // "stops immediately when the room is dissolved" (https://trtc.io/document/64424)
        }
        return tencent.command(change).map(command -> tencentDelivery(change, command, room, false, draws));
    }

    private OutgoingCallback forged(Change change, RoomFacts room, Draws draws) {
        if (change.vendor() == Vendor.VOLCENGINE) {
            return volcengineDelivery(change, volcengine.eventType(change).orElseThrow(), draws, true);
        }
        return tencentDelivery(change, tencent.command(change).orElseThrow(), room, true, draws);
    }

    private OutgoingCallback volcengineDelivery(Change change, String type, Draws draws, boolean forged) {
        String eventId = eventId(change, forged);
        String key = options.volcengineKey(change.app());
        String body = forged
                ? volcengine.body(change, type, forgedUser(change, draws), eventId, draws.forgedNonce, key + "-forged")
                : volcengine.body(change, type, change.userId(), eventId, draws.nonce, key);
        RetrySchedule retries = forged ? RetrySchedule.ONCE : RetrySchedule.VOLCENGINE;
        return new OutgoingCallback(
                change, type, url(PROVIDER_VOLCENGINE, change.app()), body, t -> "", retries, 0, forged);
    }

    private OutgoingCallback tencentDelivery(
            Change change, String command, RoomFacts room, boolean forged, Draws draws) {
        boolean live = change.vendor() == Vendor.TENCENT_LIVE;
        String operator = administrators.getOrDefault(change.app(), EmulatorConfig.DEMO_ADMINISTRATOR);
        String body = forged
                ? tencent.body(change, command, room, draws.madeUpUser, forgedUser(change, draws))
                : tencent.body(change, command, room, operator, change.userId());
        String token = options.tencentToken(sdkAppId(change.app()));
        @Nullable String signWith = forged ? token + "-forged" : (live || options.conferenceSigned() ? token : null);
        return new OutgoingCallback(
                change,
                command,
                url(live ? PROVIDER_LIVE : PROVIDER_CONFERENCE, change.app()),
                body,
                TencentNotices.query(change.app(), command, signWith),
                forged ? RetrySchedule.ONCE : RetrySchedule.TENCENT,
                0,
                forged);
    }

    /**
     * Whether a TUILiveKit leave was logged by the room's destruction: {@code World.destroyRoom} logs each member's
     * leave and then the room's end in the same millisecond under one lock, so the entries right after it tell.
     */
    private boolean dissolved(Change leave) {
        long since = leave.seq();
        while (true) {
            ChangePage page = world.changes(since, 64);
            if (page.changes().isEmpty() || page.truncated()) {
                return false;
            }
            for (Change next : page.changes()) {
                if (!sameLife(leave, next) || next.timeMillis() != leave.timeMillis()) {
                    return false;
                }
                if (next.type() == ChangeType.RoomDestroyed) {
                    return true;
                }
                if (next.type() != ChangeType.UserLeft) {
                    return false;
                }
            }
            since = page.nextSince();
        }
    }

    /** Updates the remembered room facts with {@code change} and returns them as of after it. */
    private RoomFacts track(Change change) {
        if (change.vendor() == Vendor.VOLCENGINE) {
            return new RoomFacts(change.roomId(), "", 0, 0); // Volcengine bodies need none of it
        }
        Life life = new Life(RoomAddress.of(change.vendor(), change.app(), change.roomId()), change.incarnation());
        RoomFacts known = rooms.get(life);
        RoomFacts facts = known != null ? known : created(life);
        return switch (change.type()) {
            case RoomCreated -> remember(life, facts);
            case UserJoined -> remember(life, facts.withMemberCount(facts.memberCount() + 1));
            case UserLeft -> remember(life, facts.withMemberCount(facts.memberCount() - 1));
            case RoomDestroyed -> {
                rooms.remove(life); // bounded by the live rooms
                yield facts.withMemberCount(0);
            }
        };
    }

    private RoomFacts remember(Life life, RoomFacts facts) {
        rooms.put(life, facts);
        return facts;
    }

    /** The facts of a room as the world has it now, if it is still the same life; else what the change tells. */
    private RoomFacts created(Life life) {
        Optional<TrueRoom> room =
                world.room(life.key()).filter(r -> r.incarnation().equals(life.incarnation()));
        Map<String, Object> attributes = room.map(TrueRoom::attributes).orElse(Map.of());
        return new RoomFacts(
                String.valueOf(attributes.getOrDefault("RoomName", life.key().roomId())),
                String.valueOf(attributes.getOrDefault("Owner_Account", "")),
                parseOr(life.incarnation(), 0),
                0);
    }

    private String url(String provider, String app) {
        return target + "/" + provider + "/" + URLEncoder.encode(app, UTF_8);
    }

    /** Unique per change and run, the same for every attempt and duplicate of it (the receiver dedupes on it). */
    private String eventId(Change change, boolean forged) {
        String name = "roomwatch-emulator/" + runId + "/" + change.seq() + (forged ? "/forged" : "");
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString();
    }

    /** Rooms are created and destroyed by REST calls, whose operator is an App Administrator: the default one if any. */
    private static String operator(TencentApp app) {
        return app.administrators().contains(EmulatorConfig.DEMO_ADMINISTRATOR)
                ? EmulatorConfig.DEMO_ADMINISTRATOR
                : new TreeSet<>(app.administrators()).first();
    }

    private static @Nullable String forgedUser(Change change, Draws draws) {
        return change.userId() == null ? null : draws.madeUpUser;
    }

    private static boolean sameLife(Change a, Change b) {
        return a.vendor() == b.vendor()
                && a.app().equals(b.app())
                && a.roomId().equals(b.roomId())
                && a.incarnation().equals(b.incarnation());
    }

    private static long sdkAppId(String app) {
        return parseOr(app, -1); // an app the config does not list signs with the demo token
    }

    private static long parseOr(String digits, long otherwise) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** One room's life: its address and incarnation. */
    private record Life(RoomAddress key, String incarnation) {}

    /** Everything drawn for one change, always in the same order so that one option does not shift another. */
    private static final class Draws {
        boolean lost;
        boolean duplicated;
        boolean forged;
        final long[] delays = new long[3];
        String nonce = "";
        String forgedNonce = "";
        String madeUpUser = "";

        static Draws of(SplittableRandom random, CallbackOptions options) {
            Draws draws = new Draws();
            draws.lost = random.nextDouble() < options.lossRate();
            draws.duplicated = random.nextDouble() < options.duplicateRate();
            draws.forged = random.nextDouble() < options.forgedRate();
            long bound = options.maxDelay().toMillis() + 1;
            for (int i = 0; i < draws.delays.length; i++) {
                draws.delays[i] = random.nextLong(bound);
            }
            draws.nonce = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
            draws.forgedNonce = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
            draws.madeUpUser = "forged-" + Long.toHexString(random.nextLong() >>> 16);
            return draws;
        }
    }
}
