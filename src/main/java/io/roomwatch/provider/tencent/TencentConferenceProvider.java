package io.roomwatch.provider.tencent;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.roomwatch.config.TencentConferenceSource;
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
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.http.Unexpected;
import io.roomwatch.provider.http.VendorHttp;
import io.roomwatch.provider.tencent.CursorPaging.Pages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A Tencent TUIRoomKit (Conference) app as an {@link RtcProvider}. The API has no room list:
 *
 * <ul>
 *   <li>{@link #rooms}: {@code get_room_info} for every configured room id ({@code probeConcurrency} at a time); the
 *       sweep lists those that exist and is complete only when every probe was answered (exists or {@code 100004});
 *   <li>{@link #members}: {@code get_room_member_list} through {@code Next} ({@code Count} = {@code
 *       memberPageSize}); complete when the cursor ran out; {@code 100004} gives a {@link RoomGone}. A list of more
 *       than one page is read twice and the two reads are united: {@code Next} behaves like an offset, so a member
 *       leaving while the pages are read shifts the rest of the list and one present member can be skipped; a member
 *       missing from only one read is taken as present (at worst a real leave is reported one poll later), and only
 *       a member missing from both reads counts as absent. If the second read fails or stops early, the first read is
 *       returned as partial (joins are kept, nobody is removed by absence);
 *   <li>{@link #probe}: {@code get_room_info}.
 * </ul>
 *
 * Lazy, budgeted and retried like {@link TencentLiveProvider}.
 */
public final class TencentConferenceProvider implements RtcProvider {

    private final TencentConferenceSource source;
    private final TencentApi api;
    private final Calls.Conference calls;
    private final Scheduler timer;

    private TencentConferenceProvider(
            TencentConferenceSource source, TencentApi api, Calls.Conference calls, Scheduler timer) {
        this.source = source;
        this.api = api;
        this.calls = calls;
        this.timer = timer;
    }

    /** A provider for {@code source}; creates its UserSig cache and two budgets, sends nothing. */
    public static TencentConferenceProvider create(TencentConferenceSource source, VendorHttp http, Scheduler timer) {
        AppKey app = source.app();
        UserSig userSig = UserSig.create(
                source.account().sdkAppId(),
                source.account().administrator(),
                source.account().secretKey(),
                source.account().userSigValidity(),
                timer);
        Calls.Call info = Calls.of(app, "get_room_info", source.roomInfoQps(), source.retry(), timer);
        Calls.Call members = Calls.of(app, "get_room_member_list", source.memberListQps(), source.retry(), timer);
        return new TencentConferenceProvider(
                source,
                new TencentApi(app, source.account(), userSig, http),
                new Calls.Conference(info, members),
                timer);
    }

    @Override
    public AppKey app() {
        return source.app();
    }

    @Override
    public Mono<RoomSweep> rooms(Instant ignored) {
        return Unexpected.guard(app(), "get_room_info", Mono.defer(() -> {
            Instant sent = now(); // every room found was live at or after this
            return Flux.fromIterable(source.roomIds())
                    .flatMap(this::probeForSweep, source.probeConcurrency())
                    .collectList()
                    .flatMap(answers -> sweep(answers, sent));
        }));
    }

    @Override
    public Mono<Observation> members(RoomRef room) {
        return Unexpected.guard(app(), "get_room_member_list", Mono.defer(() -> {
            // a live list (memberRefresh 0): it shows the room at or after the request; a configured refresh
            // period means the list may show the room that long before it
            Instant sent = now().minus(source.memberRefresh());
            return readMembers(room).flatMap(first -> {
                if (first.roomMissing()) {
                    return Mono.just(new RoomGone(room, null, sent, now()));
                }
                if (!first.complete() || first.replies().size() <= 1) {
                    return Mono.just(memberList(room, List.of(first), first.complete(), sent));
                }
                return readMembers(room)
                        .map(second -> second.roomMissing()
                                ? new RoomGone(room, null, sent, now())
                                : memberList(room, List.of(first, second), second.complete(), sent))
                        .onErrorResume(
                                CursorPaging::retryable, e -> Mono.just(memberList(room, List.of(first), false, sent)));
            });
        }));
    }

    private Mono<Pages> readMembers(RoomRef room) {
        return CursorPaging.read(
                calls.memberList().flaws(), "MemberList", cursor -> memberPage(room, cursor), source.maxPages());
    }

    /**
     * No listing (rooms come from configuration); {@code get_room_info} returns the live incarnation's {@code
     * CreateTime}; {@code get_room_member_list} is live data unless the source's {@code memberRefresh} says otherwise.
     */
    @Override
    public ProviderTraits traits() {
        return ProviderTraits.NONE
                .withProbeNamesIncarnation(true)
                .withMemberRefresh(source.memberRefresh())
                .withMemberApi("get_room_member_list");
    }

    @Override
    public Mono<Observation> probe(RoomRef room) {
        return Unexpected.guard(app(), "get_room_info", Mono.defer(() -> {
            Instant sent = now();
            return roomInfo(room.key().roomId())
                    .map(reply -> reply.roomMissing()
                            ? new RoomGone(room, null, sent, now())
                            : Probes.oneRoomSweep(
                                    app(), room, reply.response().path("RoomInfo"), calls.roomInfo(), sent, now()));
        }));
    }

    /** The budgets ({@code get_room_info}, {@code get_room_member_list}), for metrics. */
    @Override
    public List<BudgetView> budgets() {
        return List.of(calls.roomInfo().budget(), calls.memberList().budget());
    }

    private Mono<TencentReply> roomInfo(String roomId) {
        return calls.roomInfo().roomInfo(api, TencentApi.CONFERENCE, Map.of("RoomId", roomId));
    }

    private Mono<Answer> probeForSweep(String roomId) {
        return roomInfo(roomId)
                .map(reply -> new Answer(
                        reply.roomMissing()
                                ? null
                                : Probes.forRoom(
                                        roomId,
                                        reply.response().path("RoomInfo"),
                                        calls.roomInfo().flaws()),
                        reply.roomMissing(),
                        null))
                .onErrorResume(CursorPaging::retryable, e -> Mono.just(new Answer(null, false, (VendorFailure) e)));
    }

    private Mono<RoomSweep> sweep(List<Answer> answers, Instant sent) {
        List<VendorFailure> failures =
                answers.stream().map(Answer::failure).filter(Objects::nonNull).toList();
        if (!answers.isEmpty() && failures.size() == answers.size()) {
            return Mono.error(failures.get(0)); // learnt nothing: unknown, never empty
        }
        List<RoomSighting> rooms =
                answers.stream().map(Answer::room).filter(Objects::nonNull).toList();
        boolean complete = answers.stream().allMatch(a -> a.room() != null || a.missing());
        return Mono.just(
                RoomSweep.seen(app(), complete ? Completeness.COMPLETE : Completeness.PARTIAL, rooms, sent, now()));
    }

    private Mono<TencentReply> memberPage(RoomRef room, String cursor) {
        Map<String, Object> body =
                Map.of("RoomId", room.key().roomId(), "Count", source.memberPageSize(), "Next", cursor);
        return calls.memberList().page(api, TencentApi.CONFERENCE, "get_room_member_list", body, "MemberList");
    }

    /**
     * The members named in any of {@code reads} (their union), complete only if {@code complete} and no item had to
     * be skipped.
     */
    private MemberList memberList(RoomRef room, List<Pages> reads, boolean complete, Instant sent) {
        Map<String, Visibility> members = new LinkedHashMap<>();
        int skipped = 0;
        for (Pages pages : reads) {
            for (TencentReply reply : pages.replies()) {
                skipped += TencentRooms.members(
                        reply.response().path("MemberList"),
                        "get_room_member_list",
                        calls.memberList().flaws(),
                        id -> members.put(id, Visibility.VISIBLE));
            }
        }
        boolean whole = complete && skipped == 0;
        return new MemberList(room, whole ? Completeness.COMPLETE : Completeness.PARTIAL, members, sent, now());
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(MILLISECONDS));
    }

    /** One probe of a sweep: the room if it exists, whether the vendor said it does not, or the failure. */
    private record Answer(@Nullable RoomSighting room, boolean missing, @Nullable VendorFailure failure) {}
}
