package io.roomwatch.provider.budget;

import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.CallOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the attempts paid from one budget ended, and the odd answers they brought: counters for the meters. Thread-safe
 * on their own ({@link LongAdder}s), outside the budget's lock: counting never waits for the queue.
 */
final class CallCounters {

    private final Map<CallOutcome, LongAdder> outcomes = new EnumMap<>(CallOutcome.class);
    private final Map<AnswerFlaw, LongAdder> flaws = new EnumMap<>(AnswerFlaw.class);

    CallCounters() {
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
        for (AnswerFlaw flaw : AnswerFlaw.values()) {
            flaws.put(flaw, new LongAdder());
        }
    }

    void count(CallOutcome outcome) {
        outcomes.get(outcome).increment();
    }

    long calls(CallOutcome outcome) {
        return outcomes.get(outcome).sum();
    }

    /** Counts one {@code flaw} and returns how many were counted so far, this one included. */
    long flawed(AnswerFlaw flaw) {
        LongAdder count = flaws.get(flaw);
        count.increment();
        return count.sum();
    }

    long flaws(AnswerFlaw flaw) {
        return flaws.get(flaw).sum();
    }
}
