package io.roomwatch.provider.tencent;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.config.TencentLiveSource;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.MemberList;
import io.roomwatch.model.Observation;
import io.roomwatch.model.RoomGone;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.model.Visibility;
import io.roomwatch.provider.BudgetView;
import io.roomwatch.provider.ProviderTraits;
import io.roomwatch.provider.RtcProvider;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.Retries;
import io.roomwatch.provider.http.Unexpected;
import io.roomwatch.provider.http.VendorFields;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.CursorPaging.Pages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A Tencent TUILiveKit app as an {@link RtcProvider}.
 *
 * <ul>
 *   <li>{@link #rooms}: {@code get_room_list} through {@code Next} with {@code Count} 20, rooms deduplicated by id
 *       (ViewCount reorders pages while we read); complete only when the cursor ran to {@code ""} without failure. A
 *       reordering can still skip a room in a complete run: confirm absences with {@link #probe};
 *   <li>{@link #members}: {@code get_member_list} through {@code Next}; truncated when {@code MemberCount} exceeds
 *       the members listed (the vendor returns at most 1000); {@code 100004} gives a {@link RoomGone};
 *   <li>{@link #probe}: {@code get_room_info}; an existing room gives a one-room partial sweep, {@code 100004} a
 *       {@link RoomGone}.
 * </ul>
 *
 * Every call is lazy, pays a permit from its API's {@link RateBudget} and is retried by {@link Retries}; signals
 * arrive on Reactor Netty or timer threads; errors are {@link io.roomwatch.provider.VendorFailure}s.
 */
public final class TencentLiveProvider implements RtcProvider {

    static final int ROOM_PAGE = 20;

    private final TencentLiveSource source;
    private final TencentApi api;
    private final Calls.Live calls;
    private final Scheduler timer;

    private TencentLiveProvider(TencentLiveSource source, TencentApi api, Calls.Live calls, Scheduler timer) {
        this.source = source;
        this.api = api;
        this.calls = calls;
        this.timer = timer;
    }

    /** A provider for {@code source}; creates its UserSig cache and three budgets, sends nothing. */
    public static TencentLiveProvider create(TencentLiveSource source, VendorHttp http, Scheduler timer) {
        AppKey app = source.app();
        UserSig userSig = UserSig.create(
                source.account().sdkAppId(),
                source.account().administrator(),
                source.account().secretKey(),
                source.account().userSigValidity(),
                timer);
        Calls.Live calls = new Calls.Live(
                Calls.of(app, "get_room_list", source.roomListQps(), source.retry(), timer),
                Calls.of(app, "get_room_info", source.roomInfoQps(), source.retry(), timer),
                Calls.of(app, "get_member_list", source.memberListQps(), source.retry(), timer));
        return new TencentLiveProvider(source, new TencentApi(app, source.account(), userSig, http), calls, timer);
    }

    @Override
    public AppKey app() {
        return source.app();
    }

    @Override
    public Mono<RoomSweep> rooms(Instant ignored) {
        return Unexpected.guard(app(), "get_room_list", Mono.defer(() -> {
            Instant sent = now(); // every room listed was live at or after this: the sweep names live incarnations
            return CursorPaging.read(calls.roomList().flaws(), "RoomList", this::roomPage, source.maxPages())
                    .map(pages -> sweep(pages, sent));
        }));
    }

    @Override
    public Mono<Observation> members(RoomRef room) {
        return Unexpected.guard(app(), "get_member_list", Mono.defer(() -> {
            // the member list is a snapshot the vendor refreshes every memberRefresh: it may show the room
            // that long before the request
            Instant from = now().minus(source.memberRefresh());
            return CursorPaging.read(
                            calls.memberList().flaws(),
                            "MemberList",
                            cursor -> memberPage(room, cursor),
                            source.maxPages())
                    .map(pages -> pages.roomMissing()
                            ? new RoomGone(room, null, from, now())
                            : memberList(room, pages, from));
        }));
    }

    /**
     * {@code get_room_list} pages drift while ViewCount reorders the list, so absences are confirmed by a probe;
     * {@code get_room_info} returns the live incarnation's {@code CreateTime}; {@code get_member_list} is a snapshot
     * refreshed every {@code memberRefresh}.
     */
    @Override
    public ProviderTraits traits() {
        return ProviderTraits.NONE
                .withListingMayMissLiveRooms(true)
                .withProbeNamesIncarnation(true)
                .withMemberRefresh(source.memberRefresh())
                .withMemberApi("get_member_list");
    }

    @Override
    public Mono<Observation> probe(RoomRef room) {
        Map<String, Object> body = Map.of("RoomId", room.key().roomId());
        return Unexpected.guard(app(), "get_room_info", Mono.defer(() -> {
            Instant sent = now();
            return calls.roomInfo()
                    .roomInfo(api, TencentApi.LIVE, body)
                    .map(reply -> reply.roomMissing()
                            ? new RoomGone(room, null, sent, now())
                            : Probes.oneRoomSweep(
                                    app(), room, reply.response().path("RoomInfo"), calls.roomInfo(), sent, now()));
        }));
    }

    /** The budgets ({@code get_room_list}, {@code get_room_info}, {@code get_member_list}), for metrics. */
    @Override
    public List<BudgetView> budgets() {
        return List.of(
                calls.roomList().budget(),
                calls.roomInfo().budget(),
                calls.memberList().budget());
    }

    private Mono<TencentReply> roomPage(String cursor) {
        Map<String, Object> body = Map.of("Next", cursor, "Count", ROOM_PAGE);
        return calls.roomList().page(api, TencentApi.LIVE, "get_room_list", body, "RoomList");
    }

    private Mono<TencentReply> memberPage(RoomRef room, String cursor) {
        Map<String, Object> body = Map.of("RoomId", room.key().roomId(), "Next", cursor);
        return calls.memberList().page(api, TencentApi.LIVE, "get_member_list", body, "MemberList");
    }

    private RoomSweep sweep(Pages pages, Instant sent) {
        Map<String, RoomSighting> rooms = new LinkedHashMap<>(); // first sighting wins; a re-listed room is the same
        int skipped = 0;
        int page = 0;
        for (TencentReply reply : pages.replies()) {
            page++;
            JsonNode list = reply.response().path("RoomList");
            for (int i = 0; i < list.size(); i++) {
                String field = "RoomList[" + i + "] of page " + page;
                RoomSighting sighting = TencentRooms.sighting(
                        list.get(i), field, calls.roomList().flaws());
                skipped += sighting == null ? 1 : 0;
                if (sighting != null) {
                    rooms.putIfAbsent(sighting.roomId(), sighting);
                }
            }
        }
        boolean complete = pages.complete() && skipped == 0;
        return RoomSweep.seen(
                app(),
                complete ? Completeness.COMPLETE : Completeness.PARTIAL,
                List.copyOf(rooms.values()),
                sent,
                now());
    }

    private MemberList memberList(RoomRef room, Pages pages, Instant from) {
        Map<String, Visibility> members = new LinkedHashMap<>();
        int skipped = 0;
        long total = 0;
        for (TencentReply reply : pages.replies()) {
            skipped += TencentRooms.members(
                    reply.response().path("MemberList"),
                    "get_member_list",
                    calls.memberList().flaws(),
                    id -> members.put(id, Visibility.VISIBLE));
            Long count = VendorFields.whole(reply.response().get("MemberCount"));
            total = count == null ? total : Math.max(total, count);
        }
        Completeness completeness = !pages.complete() || skipped > 0
                ? Completeness.PARTIAL
                : total > members.size() ? Completeness.TRUNCATED : Completeness.COMPLETE;
        return new MemberList(room, completeness, members, from, now());
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(MILLISECONDS));
    }
}
