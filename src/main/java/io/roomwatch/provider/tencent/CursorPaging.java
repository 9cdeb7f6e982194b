package io.roomwatch.provider.tencent;

import io.roomwatch.provider.VendorFailure;
import io.roomwatch.provider.VendorRejected;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads a {@code Next}-cursor listing from {@code ""} until the cursor comes back {@code ""} (complete), a page fails
 * after its retries or {@code maxPages} were read (partial: what was read is kept), or the room turns out not to
 * exist. A first page that fails fails the listing (nothing learnt); a rejection always does.
 */
final class CursorPaging {

    private CursorPaging() {}

    static Mono<Pages> read(Function<String, Mono<TencentReply>> fetch, int maxPages) {
        return step(fetch, "", 1)
                .expand(step -> step.continues(maxPages) ? step(fetch, step.cursor(), step.number() + 1) : Mono.empty())
                .collectList()
                .flatMap(CursorPaging::pages);
    }

    private static Mono<Step> step(Function<String, Mono<TencentReply>> fetch, String cursor, int number) {
        return fetch.apply(cursor)
                .map(reply -> new Step(number, reply, null))
                .onErrorResume(CursorPaging::retryable, e -> Mono.just(new Step(number, null, (VendorFailure) e)));
    }

    private static Mono<Pages> pages(List<Step> steps) {
        Step first = steps.get(0);
        if (first.failure() != null) {
            return Mono.error(first.failure());
        }
        Step last = steps.get(steps.size() - 1);
        boolean missing = steps.stream()
                .anyMatch(step -> step.reply() != null && step.reply().roomMissing());
        boolean complete = last.reply() != null && last.reply().next().isEmpty();
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
     * @param complete whether the cursor ran to {@code ""} with no failure
     * @param roomMissing whether a page said {@code 100004}
     */
    record Pages(List<TencentReply> replies, boolean complete, boolean roomMissing) {}

    private record Step(int number, @Nullable TencentReply reply, @Nullable VendorFailure failure) {

        boolean continues(int maxPages) {
            return reply != null && !reply.roomMissing() && !reply.next().isEmpty() && number < maxPages;
        }

        String cursor() {
            return reply == null ? "" : reply.next();
        }
    }
}
