package io.roomwatch.provider.http;

import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.budget.RateBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counted warnings about one (app, API)'s answers: each is counted on the API's {@link RateBudget} (metric {@code
 * roomwatch.vendor.answer.flaws}) and logged as one WARN line naming app and API (the budget's name) and the field.
 * A vendor that keeps answering oddly at 200 calls a second must not flood the log: per kind, the first 10 are
 * logged, then every 100th, each with the running count. Details are field names and vendor values (ids, cursors,
 * times), never credentials.
 */
public final class Flaws {

    private static final Logger log = LoggerFactory.getLogger(Flaws.class);
    private static final int EXCERPT = 80;

    private final RateBudget budget;

    private Flaws(RateBudget budget) {
        this.budget = budget;
    }

    /** The warnings of the API whose budget is {@code budget}. */
    public static Flaws of(RateBudget budget) {
        return new Flaws(budget);
    }

    /** Counts one {@code flaw} and logs {@code detail} (one line, e.g. {@code skipped VisibleUserList[1]: ""}). */
    public void report(AnswerFlaw flaw, String detail) {
        long count = budget.flawed(flaw);
        if (count <= 10 || count % 100 == 0) {
            log.warn("{}: {}: {} ({} so far)", budget.name(), flaw.description(), detail, count);
        }
    }

    /** A vendor value for a log line: JSON text, cut to 80 characters, credential-shaped values masked. */
    public static String quote(Object value) {
        String text = HttpReply.masked(String.valueOf(value));
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
