package io.roomwatch.provider.volcengine;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomwatch.config.VolcengineSource;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Completeness;
import io.roomwatch.model.RoomSighting;
import io.roomwatch.model.RoomSweep;
import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.PageGuard;
import io.roomwatch.provider.http.Retries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code ListRoomInfo} sweeps: creation-time windows of at most 24 h within the 14-day look-back, paged at 100
 * through {@code Total}, halved while the vendor says {@code HasMore} (down to {@code maxSplitDepth}). A page that
 * still fails after retries, or a window that cannot be fully listed, makes the sweep partial; a rejection fails it.
 */
final class RoomLister {

    static final int PAGE_SIZE = 100;
    /** Bounds one window's paging; more rooms than this in one leaf window make it partial. */
    static final int MAX_PAGES_PER_WINDOW = 500;
    /** A minute short of the 14 days, so the oldest window is still in range when it reaches the vendor. */
    static final Duration LOOK_BACK = Duration.ofDays(14).minusMinutes(1);

    private final AppKey app;
    private final VolcengineApi api;
    private final RateBudget budget;
    private final Retries retries;
    private final Flaws flaws;
    private final VolcengineSource source;
    private final Scheduler timer;

    RoomLister(VolcengineApi api, RateBudget budget, Retries retries, VolcengineSource source, Scheduler timer) {
        this.app = source.app();
        this.api = api;
        this.budget = budget;
        this.retries = retries;
        this.flaws = Flaws.of(budget);
        this.source = source;
        this.timer = timer;
    }

    Mono<RoomSweep> sweep(Instant createdSince) {
        return Mono.defer(() -> {
            Instant now = now();
            Instant oldest = now.minus(LOOK_BACK);
            Instant from = (createdSince.isAfter(oldest) ? createdSince : oldest).truncatedTo(ChronoUnit.SECONDS);
            return Flux.fromIterable(Window.covering(from, now.truncatedTo(ChronoUnit.SECONDS)))
                    .concatMap(window -> list(window, 0)) // oldest first: the watermark needs the order
                    .collectList()
                    .flatMap(this::toSweep);
        });
    }

    private Flux<WindowPart> list(Window window, int depth) {
        return page(window, 1)
                .flatMapMany(first -> split(window, depth, first)
                        ? Flux.concat(list(window.firstHalf(), depth + 1), list(window.secondHalf(), depth + 1))
                        : rest(window, first).flux())
                .onErrorResume(RoomLister::retryable, e -> Flux.just(WindowPart.failed(window, (VendorFailure) e)));
    }

    private boolean split(Window window, int depth, RoomPage first) {
        return first.more() && depth < source.maxSplitDepth() && window.splittable();
    }

    /**
     * Pages 2.. of a window; stops at the first page that fails for good, or that brings no room the walk has not
     * seen (an empty page before {@code Total} is reached, or the same page again): keeping what was listed.
     */
    private Mono<WindowPart> rest(Window window, RoomPage first) {
        return Mono.defer(() -> {
            PageGuard guard = PageGuard.of(flaws, MAX_PAGES_PER_WINDOW); // one per walk: it remembers what it saw
            Set<String> seen = new HashSet<>();
            PageAttempt firstAttempt = progress(guard, seen, 1, PageAttempt.answered(first));
            int pages = Math.min(pageCount(first), MAX_PAGES_PER_WINDOW);
            boolean allTried = pageCount(first) <= MAX_PAGES_PER_WINDOW;
            if (!firstAttempt.goesOn()) {
                return Mono.just(PageAttempt.combine(window, List.of(firstAttempt), allTried, flaws));
            }
            return Flux.range(2, Math.max(0, pages - 1))
                    .concatMap(n -> attempt(window, n).map(attempt -> progress(guard, seen, n, attempt)))
                    .takeUntil(attempt -> !attempt.goesOn()) // no call after a failed or stalled page
                    .collectList()
                    .map(more -> PageAttempt.combine(window, prepend(firstAttempt, more), allTried, flaws));
        });
    }

    private Mono<PageAttempt> attempt(Window window, int pageNum) {
        return page(window, pageNum)
                .map(PageAttempt::answered)
                .onErrorResume(RoomLister::retryable, e -> Mono.just(PageAttempt.failed((VendorFailure) e)));
    }

    /**
     * The attempt, marked stalled when its page brought no room not seen before in this window. An empty page is
     * progress only when {@code Total} is 0: the vendor's own end marker then says there is nothing.
     */
    private static PageAttempt progress(PageGuard guard, Set<String> seen, int pageNum, PageAttempt attempt) {
        RoomPage page = attempt.page();
        if (page == null || (page.items().isEmpty() && page.total() == 0)) {
            return attempt;
        }
        int fresh = 0;
        for (JsonNode item : page.items()) {
            fresh += seen.add(item.path("RoomId") + "/" + item.path("CallId")) ? 1 : 0;
        }
        return guard.offsetPage(pageNum, fresh) ? attempt : attempt.asStalled();
    }

    private static List<PageAttempt> prepend(PageAttempt first, List<PageAttempt> more) {
        List<PageAttempt> all = new ArrayList<>(more.size() + 1);
        all.add(first);
        all.addAll(more);
        return all;
    }

    private Mono<RoomPage> page(Window window, int pageNum) {
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("AppId", app.appId()),
                Map.entry("StartTime", window.startParam()),
                Map.entry("EndTime", window.endParam()),
                Map.entry("PageNum", Integer.toString(pageNum)),
                Map.entry("PageSize", Integer.toString(PAGE_SIZE)));
        return api.get("ListRoomInfo", "2020-12-01", params, budget, retries, result -> RoomPage.read(app, result));
    }

    private Mono<RoomSweep> toSweep(List<WindowPart> parts) {
        if (!parts.isEmpty() && parts.stream().allMatch(part -> part.answered() == 0)) {
            return Mono.error(parts.get(parts.size() - 1).failure()); // learnt nothing: unknown, never empty
        }
        List<RoomSighting> rooms =
                parts.stream().flatMap(part -> part.rooms().stream()).distinct().toList();
        return Mono.just(new RoomSweep(app, Completeness.PARTIAL, rooms, now(), watermark(parts)));
    }

    /** The end of the contiguous fully listed prefix of windows, less the vendor's data delay; null if none. */
    private @org.jspecify.annotations.Nullable Instant watermark(List<WindowPart> parts) {
        Instant listed = null;
        for (WindowPart part : parts) {
            if (!part.complete()) {
                break;
            }
            listed = part.window().end();
        }
        return listed == null ? null : listed.minus(source.dataDelay());
    }

    private static int pageCount(RoomPage first) {
        long total = first.total();
        return total <= 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    RateBudget budget() {
        return budget;
    }

    static boolean retryable(Throwable error) {
        return error instanceof VendorFailure && !(error instanceof VendorRejected);
    }

    private Instant now() {
        return Instant.ofEpochMilli(timer.now(MILLISECONDS));
    }
}
