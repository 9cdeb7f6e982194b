package io.roomwatch.provider.tencent;

import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import io.roomwatch.provider.http.Flaws;
import io.roomwatch.provider.http.PageGuard;
import io.roomwatch.provider.http.PageGuard.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads a {@code Next}-cursor listing from {@code ""} until the cursor comes back {@code ""} (complete), a page fails
 * after its retries, or the {@link PageGuard} stops the walk (a cursor that repeats, a page without a cursor or
 * without items while the cursor says more, {@code maxPages}): then the listing is partial and what was read is
 * kept. A room that turns out not to exist ends it too. A first page that fails fails the listing (nothing learnt); a
 * rejection always does.
 */
final class CursorPaging {

    private CursorPaging() {}

    /**
     * @param flaws where a stopped walk is counted and logged (the API's)
     * @param listField the list of the answer ({@code RoomList}, {@code MemberList}); the call has checked it is one
     */
    static Mono<Pages> read(Flaws flaws, String listField, Function<String, Mono<TencentReply>> fetch, int maxPages) {
        return Mono.defer(() -> {
            PageGuard guard = PageGuard.of(flaws, maxPages); // one per walk: it remembers the cursors asked with
            return step(guard, listField, fetch, "", 1)
                    .expand(step -> step.verdict() == Verdict.NEXT
                            ? step(guard, listField, fetch, step.cursor(), step.number() + 1)
                            : Mono.empty())
                    .collectList()
                    .flatMap(CursorPaging::pages);
        });
    }

    private static Mono<Step> step(
            PageGuard guard, String listField, Function<String, Mono<TencentReply>> fetch, String cursor, int number) {
        return fetch.apply(cursor)
                .map(reply -> new Step(number, reply, null, verdict(guard, listField, number, cursor, reply)))
                .onErrorResume(
                        CursorPaging::retryable,
                        e -> Mono.just(new Step(number, null, (VendorFailure) e, Verdict.STOP)));
    }

    private static Verdict verdict(PageGuard guard, String listField, int number, String asked, TencentReply reply) {
        if (reply.roomMissing()) {
            return Verdict.END;
        }
        return guard.cursorPage(
                number, asked, reply.next(), reply.response().path(listField).size());
    }

    private static Mono<Pages> pages(List<Step> steps) {
        Step first = steps.get(0);
        if (first.failure() != null) {
            return Mono.error(first.failure());
        }
        Step last = steps.get(steps.size() - 1);
        boolean missing = steps.stream()
                .anyMatch(step -> step.reply() != null && step.reply().roomMissing());
        boolean complete = last.reply() != null && last.verdict() == Verdict.END;
        List<TencentReply> replies =
                steps.stream().map(Step::reply).filter(Objects::nonNull).toList();
        return Mono.just(new Pages(replies, complete && !missing, missing));
    }

    static boolean retryable(Throwable error) {
        return error instanceof VendorFailure && !(error instanceof VendorRejected);
    }

    /**
     * The answered pages of one listing.
     *
     * @param replies the answered pages, in order
     * @param complete whether the cursor ran to {@code ""} with no failure and no stop
     * @param roomMissing whether a page said {@code 100004}
     */
    record Pages(List<TencentReply> replies, boolean complete, boolean roomMissing) {}

    private record Step(int number, @Nullable TencentReply reply, @Nullable VendorFailure failure, Verdict verdict) {

        String cursor() {
            String next = reply == null ? null : reply.next();
            return next == null ? "" : next;
        }
    }
}
