package io.roomwatch.provider.volcengine;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.BudgetView;
import io.roomwatch.provider.ProviderTraits;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.Retries;
import io.roomwatch.provider.http.Unexpected;
import io.roomwatch.provider.http.VendorFields;
import io.roomwatch.provider.http.VendorHttp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A Volcengine RTC app as an {@link RtcProvider}.
 *
 * <ul>
 *   <li>{@link #rooms}: {@code ListRoomInfo} (version 2020-12-01) over creation windows from {@code max(createdSince,
 *       now - 14 d)} to now, each at most 24 h, paged at 100, halved while {@code HasMore}; always {@link
 *       Completeness#PARTIAL}, with {@code listedUntil} = end of the fully listed prefix less {@code dataDelay};
 *   <li>{@link #members}: {@code GetRoomOnlineUsers} (2023-11-01), visible and invisible users; truncated when the
 *       totals exceed the lists; {@code RoomExists=false} gives a {@link RoomGone};
 *   <li>{@link #probe}: the same call; an existing room gives a one-room partial sweep.
 * </ul>
 *
 * Every call is lazy, pays a permit from its API's {@link RateBudget}, is signed per attempt and retried by {@link
 * Retries}. Signals arrive on Reactor Netty or timer threads. Errors are {@link io.roomwatch.provider.VendorFailure}s.
 */
public final class VolcengineProvider implements RtcProvider {

    private final VolcengineSource source;
    private final VolcengineApi api;
    private final RoomLister lister;
    private final RateBudget usersBudget;
    private final Retries usersRetries;
    private final Flaws usersFlaws;
    private final Scheduler timer;

    private VolcengineProvider(
            VolcengineSource source,
            VolcengineApi api,
            RoomLister lister,
            RateBudget usersBudget,
            Retries usersRetries,
            Scheduler timer) {
        this.source = source;
        this.api = api;
        this.lister = lister;
        this.usersBudget = usersBudget;
        this.usersRetries = usersRetries;
        this.usersFlaws = Flaws.of(usersBudget);
        this.timer = timer;
    }

    /**
     * A provider for {@code source}, sending through {@code http} (one per app) and taking all time from {@code
     * timer}. Creates the two rate budgets ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}); sends nothing.
     */
    public static VolcengineProvider create(VolcengineSource source, VendorHttp http, Scheduler timer) {
        AppKey app = source.app();
        VolcengineSigner signer =
                VolcengineSigner.of(source.accessKeyId(), source.secretAccessKey(), source.region(), "rtc");
        VolcengineApi api = new VolcengineApi(app, signer, source.baseUrl(), http, timer);
        RateBudget listBudget = RateBudget.create(app, "ListRoomInfo", source.listRoomInfoQps(), timer);
        RateBudget usersBudget = RateBudget.create(app, "GetRoomOnlineUsers", source.onlineUsersQps(), timer);
        RoomLister lister =
                new RoomLister(api, listBudget, Retries.of(source.retry(), listBudget, timer), source, timer);
        return new VolcengineProvider(
                source, api, lister, usersBudget, Retries.of(source.retry(), usersBudget, timer), timer);
    }

    @Override
    public AppKey app() {
        return source.app();
    }

    @Override
    public Mono<RoomSweep> rooms(Instant createdSince) {
        return Unexpected.guard(app(), "ListRoomInfo", lister.sweep(createdSince));
    }

    @Override
    public Mono<Observation> members(RoomRef room) {
        return Unexpected.guard(app(), "GetRoomOnlineUsers", Mono.defer(() -> {
            // live data (memberRefresh 0): it shows the room at or after the request; a configured refresh period
            // means the answer may show the room that long before it
            Instant sent = now().minus(source.memberRefresh());
            return onlineUsers(room)
                    .map(users ->
                            users.roomExists() ? memberList(room, users, sent) : new RoomGone(room, null, sent, now()));
        }));
    }

    /**
     * Listings are by creation time and complete for what they cover; {@code GetRoomOnlineUsers} does not name the
     * incarnation it answers for, and is live data unless the source's {@code memberRefresh} says otherwise.
     */
    @Override
    public ProviderTraits traits() {
        return ProviderTraits.NONE.withMemberRefresh(source.memberRefresh()).withMemberApi("GetRoomOnlineUsers");
    }

    @Override
    public Mono<Observation> probe(RoomRef room) {
        // a one-room sweep must not be complete: completeness is app-wide and would end every other room
        return Unexpected.guard(
                app(),
                "GetRoomOnlineUsers",
                onlineUsers(room)
                        .map(users -> users.roomExists()
                                ? new RoomSweep(
                                        app(),
                                        Completeness.PARTIAL,
                                        List.of(RoomSighting.live(room.key().roomId(), room.incarnation(), null)),
                                        now())
                                : new RoomGone(room, null, now())));
    }

    private Mono<OnlineUsers> onlineUsers(RoomRef room) {
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("AppId", app().appId()),
                Map.entry("RoomId", room.key().roomId()));
        return api.get(
                "GetRoomOnlineUsers",
                "2023-11-01",
                params,
                usersBudget,
                usersRetries,
                result -> OnlineUsers.read(app(), result));
    }

    /**
     * Visible and invisible users (a user in both lists counts as visible). An item that is not a usable user id (an
     * empty string, a null, a number) is skipped with a counted warning, and the list is then partial, so that
     * nobody is removed by absence; otherwise truncated when the totals exceed what is listed.
     */
    private MemberList memberList(RoomRef room, OnlineUsers users, Instant sent) {
        Map<String, Visibility> members = new HashMap<>();
        int skipped = read(users.invisible(), "InvisibleUserList", id -> members.put(id, Visibility.INVISIBLE));
        skipped += read(users.visible(), "VisibleUserList", id -> members.put(id, Visibility.VISIBLE));
        long listed = users.visible().size() + users.invisible().size();
        boolean truncated = users.totalInvisibleUser() > users.invisible().size() || users.totalUser() > listed;
        Completeness completeness =
                skipped > 0 ? Completeness.PARTIAL : truncated ? Completeness.TRUNCATED : Completeness.COMPLETE;
        return new MemberList(room, completeness, members, sent, now());
    }

    private int read(JsonNode list, String field, Consumer<String> member) {
        int skipped = 0;
        for (int i = 0; i < list.size(); i++) {
            String id = VendorFields.id(list.get(i));
            if (id == null) {
                skipped++;
                usersFlaws.report(
                        AnswerFlaw.BAD_ITEM,
                        "skipped " + field + "[" + i + "] " + Flaws.quote(list.get(i))
                                + ": not a user id; nobody is removed by absence from this answer");
            } else {
                member.accept(id);
            }
        }
        return skipped;
    }

    /** The budgets ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}), for metrics. */
    @Override
    public List<BudgetView> budgets() {
        return List.of(listRoomInfoBudget(), onlineUsersBudget());
    }

    /** The {@code ListRoomInfo} budget, for metrics. */
    public BudgetView listRoomInfoBudget() {
        return lister.budget();
    }

    /** The {@code GetRoomOnlineUsers} budget, for metrics. */
    public BudgetView onlineUsersBudget() {
        return usersBudget;
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(MILLISECONDS));
    }
}
