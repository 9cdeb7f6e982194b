package io.roomwatch.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.budget.RateBudget;
import io.roomwatch.provider.http.PageGuard.Verdict;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Regression for issue 14 (kind 1): a walk that does not move on ends at once, with a counted warning. */
class PageGuardTest {

    private final RateBudget budget = RateBudget.create(
            AppKey.of(Provider.TENCENT_LIVE, "1400000001"), "get_room_list", 10, VirtualTimeScheduler.create());
    private final PageGuard guard = PageGuard.of(Flaws.of(budget), 1000);

    @Test
    void givenTheVendorsEndMarker_whenPaging_thenTheWalkEndsComplete() {
        assertThat(guard.cursorPage(1, "", "c1", 20)).isEqualTo(Verdict.NEXT);
        assertThat(guard.cursorPage(2, "c1", "c2", 20)).isEqualTo(Verdict.NEXT);
        assertThat(guard.cursorPage(3, "c2", "", 3)).isEqualTo(Verdict.END);
        assertThat(guard.cursorPage(4, "c3", "", 0)).as("an empty last page").isEqualTo(Verdict.END);
        assertThat(budget.flaws(AnswerFlaw.STALLED_PAGING)).isZero();
    }

    @Test
    void givenACursorThatRepeats_whenPaging_thenStopAtOnce() {
        assertThat(guard.cursorPage(1, "", "1693271355-123123123123", 1)).isEqualTo(Verdict.NEXT);
        assertThat(guard.cursorPage(2, "1693271355-123123123123", "1693271355-123123123123", 0))
                .isEqualTo(Verdict.STOP);
        assertThat(budget.flaws(AnswerFlaw.STALLED_PAGING)).isEqualTo(1);
    }

    @Test
    void givenACursorThatCycles_whenPaging_thenStopWhenItComesBack() {
        assertThat(guard.cursorPage(1, "", "a", 20)).isEqualTo(Verdict.NEXT);
        assertThat(guard.cursorPage(2, "a", "b", 20)).isEqualTo(Verdict.NEXT);
        assertThat(guard.cursorPage(3, "b", "a", 20)).isEqualTo(Verdict.STOP);
        assertThat(PageGuard.of(Flaws.of(budget), 10).cursorPage(1, "", "", 0))
                .as("a cursor back to the start is the end marker")
                .isEqualTo(Verdict.END);
    }

    @Test
    void givenNoCursorOrAnEmptyPageThatClaimsMore_whenPaging_thenStop() {
        assertThat(guard.cursorPage(1, "", null, 20)).isEqualTo(Verdict.STOP);
        assertThat(PageGuard.of(Flaws.of(budget), 10).cursorPage(1, "", "x", 0)).isEqualTo(Verdict.STOP);
        assertThat(budget.flaws(AnswerFlaw.STALLED_PAGING)).isEqualTo(2);
    }

    @Test
    void givenMaxPages_whenReached_thenStop() {
        PageGuard short2 = PageGuard.of(Flaws.of(budget), 2);
        assertThat(short2.cursorPage(1, "", "a", 1)).isEqualTo(Verdict.NEXT);
        assertThat(short2.cursorPage(2, "a", "b", 1)).isEqualTo(Verdict.STOP);
        assertThat(short2.cursorPage(2, "a", "", 1))
                .as("the end on the last page allowed")
                .isEqualTo(Verdict.END);
    }

    @Test
    void givenAnOffsetPageWithoutNewItems_whenPaging_thenStop() {
        assertThat(guard.offsetPage(2, 100)).isTrue();
        assertThat(guard.offsetPage(3, 0)).isFalse();
        assertThat(budget.flaws(AnswerFlaw.STALLED_PAGING)).isEqualTo(1);
    }
}
