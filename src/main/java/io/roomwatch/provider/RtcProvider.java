package io.roomwatch.provider;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Observation;
import io.roomwatch.model.RoomRef;
import io.roomwatch.model.RoomSweep;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One vendor app's current-state API, as observations. One instance per configured app.
 *
 * <p>Every method is <b>lazy</b>: nothing is sent until subscription, and each subscription (each retry) signs,
 * pays its rate-budget permits and sends anew. Signals arrive on Reactor Netty event-loop threads or on the rate
 * budget's timer; callers must not block on them.
 *
 * <p>Errors are always a {@link VendorFailure} subtype, classified once by the implementation: {@link
 * VendorThrottled} and {@link VendorUnavailable} are retryable and the implementation has already retried them as
 * far as its retry budget allows; {@link VendorRejected} is final for the app. A page that fails in the middle of a
 * listing does not fail the call: the listing is returned with {@link io.roomwatch.model.Completeness#PARTIAL}.
 * Unknown is never empty: a call that learnt nothing fails, it never returns an empty list.
 */
public interface RtcProvider {

    /** The app this provider talks to. */
    AppKey app();

    /**
     * Lists the app's rooms.
     *
     * <p>Volcengine lists rooms by creation time: the sweep covers rooms created since {@code createdSince} (split
     * into windows of at most 24 h, and never further back than the vendor's 14-day look-back) and is always
     * {@link io.roomwatch.model.Completeness#PARTIAL}. Tencent live pages through the whole room list (deduplicating
     * rooms that move between pages) and is complete only when every page was read; it ignores {@code
     * createdSince}. Tencent conference has no list API and probes the configured room ids.
     *
     * @param createdSince the oldest creation time of interest (Volcengine only)
     */
    Mono<RoomSweep> rooms(Instant createdSince);

    /**
     * Lists the members of {@code room}, or tells that it is gone.
     *
     * @return a {@link io.roomwatch.model.MemberList} (possibly truncated), or a {@link io.roomwatch.model.RoomGone}
     *     when the vendor says the room does not exist (Volcengine {@code RoomExists=false}, Tencent {@code 100004})
     */
    Mono<Observation> members(RoomRef room);

    /**
     * Asks whether the room id still exists, to confirm a room missing from a complete sweep before it is removed.
     *
     * @return a one-room {@link RoomSweep} (complete for that room id) when it exists, or a {@link
     *     io.roomwatch.model.RoomGone} for {@code room} when it does not
     */
    Mono<Observation> probe(RoomRef room);

    /**
     * The vendor facts the engine needs besides these calls: whether a complete listing may miss live rooms (then
     * absences are confirmed with {@link #probe}), and whether a probe names the live incarnation. Constant.
     */
    ProviderTraits traits();

    /**
     * The rate budgets this provider pays its calls from, one per vendor API, read-only: for the meters the app binds
     * ({@link VendorMeters}) and the demo's summary. Reading them has no effect on them; none by default.
     */
    default List<BudgetView> budgets() {
        return List.of();
    }
}
