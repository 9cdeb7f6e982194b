package io.roomwatch.provider.budget;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.roomwatch.model.AppKey;
import io.roomwatch.provider.AnswerFlaw;
import io.roomwatch.provider.BudgetView;
import io.roomwatch.provider.CallOutcome;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;

/**
 * The request budget of one (app, API): hands out permits so that no one-second window ever holds more than {@code
 * limit} of them at the vendor, first come first served, and slows down when the vendor says "too many requests".
 *
 * <p>A permit leaves when three parts agree, each in a class of its own:
 *
 * <ul>
 *   <li><b>Turn</b> ({@code TicketQueue}): permits leave strictly in the order they were reserved, so no caller can
 *       lose its turn to later ones and starve.
 *   <li><b>Spacing</b> ({@code Pace}): slots are reserved at subscription, at least {@code 1 s / currentRate} apart;
 *       {@link #throttled()} halves the rate (at most once per second, down to {@code limit / 16}) and moves every
 *       waiting permit to a slot at the new rate, in the same order; each clean second adds back a tenth of the limit.
 *   <li><b>Window</b> ({@code ArrivalWindow}): a permit leaves no sooner than one second plus 15 ms after the latest
 *       moment the request {@code limit} places before it can have reached the vendor: its hand-out for a bare
 *       {@link #acquire()}, estimated from its answer for a call made through {@link #paced} (answered late, it holds
 *       the permit after it back by as much; unanswered, by at most one second more).
 * </ul>
 *
 * <p>Waiting is event-driven (one timer task per waiting permit, rescheduled only when the window rule needs more
 * time, or woken early by the answer it waits for): nothing polls. The budget also counts how the attempts paid from
 * it ended and the odd answers they brought ({@code CallCounters}), and shows all of it read-only as a {@link
 * BudgetView}.
 *
 * <p>Thread-safe: one lock guards the queue, the pace and the window, and permits are handed to their subscribers
 * outside it. All time comes from the injected scheduler: virtual in tests. Memory: one ticket per waiting subscriber
 * (callers bound their own concurrency), two rings of {@code limit} times and 30 round-trip minima.
 */
public final class RateBudget implements BudgetView {

    private final AppKey app;
    private final String api;
    private final int limit;
    private final Scheduler timer;
    private final CallCounters counters = new CallCounters();

    // guarded by this
    private final TicketQueue queue = new TicketQueue();
    private final Pace pace;
    private final ArrivalWindow window;
    private final long createdNanos;

    private RateBudget(AppKey app, String api, int limit, Scheduler timer) {
        this.app = app;
        this.api = api;
        this.limit = limit;
        this.timer = timer;
        this.createdNanos = timer.now(NANOSECONDS);
        this.pace = new Pace(limit);
        this.window = new ArrivalWindow(limit);
    }

    /**
     * A budget of {@code limit} requests per second.
     *
     * @param app the app whose calls it paces
     * @param api the vendor API as the vendor names it, e.g. {@code ListRoomInfo}
     * @param limit the configured requests per second, at least 1
     * @param timer the source of time and delays
     */
    public static RateBudget create(AppKey app, String api, int limit, Scheduler timer) {
        if (limit < 1) {
            throw new IllegalArgumentException(app + " " + api + ": limit must be >= 1, was " + limit);
        }
        return new RateBudget(app, api, limit, timer);
    }

    /**
     * One permit: completes when the request may be sent. Lazy (a slot is reserved on subscription, so every retry
     * pays again) and cancellable (cancelling the wait sends nothing and counts nothing; the slot is not given to
     * anyone else). Completes on the timer's thread, or at once on the subscribing thread when a slot is free and no
     * earlier permit waits.
     */
    public Mono<Void> acquire() {
        return permit(null);
    }

    /**
     * {@code call} sent with a permit: lazy (a permit is reserved on subscription, so each resubscription, e.g. each
     * retry, pays again), subscribed to on the thread that hands out the permit. When {@code call} terminates or is
     * cancelled, its answer time feeds the window rule (see the class comment). Errors and values of {@code call} pass
     * through unchanged.
     */
    public <T> Mono<T> paced(Mono<T> call) {
        return Mono.defer(() -> {
            Ticket[] granted = new Ticket[1];
            return permit(granted).then(call).doFinally(signal -> {
                Ticket ticket = granted[0];
                if (ticket != null && ticket.handOut >= 0) {
                    answered(ticket.handOut, signal != SignalType.CANCEL);
                }
            });
        });
    }

    private Mono<Void> permit(@Nullable Ticket @Nullable [] granted) {
        return Mono.create(sink -> {
            Ticket ticket = reserve(sink, granted != null);
            if (granted != null) {
                granted[0] = ticket;
            }
            sink.onCancel(() -> cancel(ticket));
            schedule(ticket);
        });
    }

    /**
     * The vendor said "too many requests": halve the rate (once per second at most) and move every waiting permit to
     * a slot at the new rate, keeping their order.
     */
    public void throttled() {
        List<Ticket> moved = new ArrayList<>();
        List<Disposable> stale = new ArrayList<>();
        synchronized (this) {
            long now = timer.now(NANOSECONDS);
            if (!pace.halve(now)) {
                return;
            }
            queue.clearBlockedOnAnswer(); // it moves to a new slot like the others
            for (Ticket t : queue.inOrder()) {
                t.slot = pace.takeSlot(now);
                t.due = false;
                t.generation++;
                if (t.task != null) {
                    stale.add(t.task);
                    t.task = null;
                }
                moved.add(t);
            }
        }
        stale.forEach(Disposable::dispose);
        moved.forEach(this::schedule);
    }

    /** Counts how one attempt paid from this budget ended (for metrics; the retry policy calls it). */
    public void count(CallOutcome outcome) {
        counters.count(outcome);
    }

    /**
     * Counts one odd answer of this API (for metrics; the clients call it where they skip an item, stop a walk or
     * read a time as absent) and returns how many of that kind were counted so far, this one included.
     */
    public long flawed(AnswerFlaw flaw) {
        return counters.flawed(flaw);
    }

    @Override
    public AppKey app() {
        return app;
    }

    @Override
    public String api() {
        return api;
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public synchronized double currentRate() {
        return pace.rateAt(timer.now(NANOSECONDS));
    }

    @Override
    public synchronized long used() {
        return window.count();
    }

    @Override
    public synchronized long unused() {
        double offered = limit * ((timer.now(NANOSECONDS) - createdNanos) / 1e9);
        return Math.max(0, (long) Math.floor(offered) - window.count());
    }

    @Override
    public long calls(CallOutcome outcome) {
        return counters.calls(outcome);
    }

    @Override
    public long flaws(AnswerFlaw flaw) {
        return counters.flaws(flaw);
    }

    /** {@code provider/appId API}, e.g. {@code volcengine/app-1 ListRoomInfo}: how log lines name the budget's API. */
    public String name() {
        return app + " " + api;
    }

    private synchronized Ticket reserve(MonoSink<Void> sink, boolean awaitsAnswer) {
        return queue.add(sink, awaitsAnswer, pace.takeSlot(timer.now(NANOSECONDS)));
    }

    /** Wakes {@code ticket} at its slot (or at once if the slot has come). */
    private void schedule(Ticket ticket) {
        long delay;
        int generation;
        synchronized (this) {
            if (!queue.contains(ticket)) {
                return; // cancelled meanwhile
            }
            delay = ticket.slot - timer.now(NANOSECONDS);
            generation = ticket.generation;
        }
        if (delay <= 0) {
            arrive(ticket, generation);
            return;
        }
        Disposable task = timer.schedule(() -> arrive(ticket, generation), delay, NANOSECONDS);
        synchronized (this) {
            if (ticket.generation == generation) {
                ticket.task = task; // else a throttle or an answer moved it meanwhile and this task is moot
            }
        }
    }

    private void arrive(Ticket ticket, int generation) {
        synchronized (this) {
            if (ticket.generation != generation || !queue.contains(ticket)) {
                return; // moved by a throttle, or cancelled: another wake-up is (or is not) due
            }
            ticket.due = true;
        }
        handOut();
    }

    /** Hands out permits from the head of the queue while the head is due and the window allows it. */
    private void handOut() {
        List<MonoSink<Void>> granted = new ArrayList<>();
        @Nullable Ticket blocked = null;
        synchronized (this) {
            for (Ticket head = queue.head(); head != null && head.due; head = queue.head()) {
                // a head not due yet: its own wake-up will hand it (and the ones due behind it) out
                long now = timer.now(NANOSECONDS);
                long opens = window.opensAt(now);
                if (now < opens) {
                    if (window.waitsForAnswer()) {
                        queue.blockOnAnswer(head); // answered() wakes it early
                    }
                    head.slot = opens;
                    head.due = false;
                    head.generation++;
                    blocked = head;
                    break;
                }
                queue.removeHead();
                head.handOut = window.handOut(now, head.awaitsAnswer);
                granted.add(head.sink);
            }
        }
        granted.forEach(MonoSink::success); // outside the lock: subscribers may acquire again at once
        if (blocked != null) {
            schedule(blocked);
        }
    }

    /** The call handed out as number {@code handOut} ended now; {@code roundTrip}: with an answer or an error. */
    private void answered(long handOut, boolean roundTrip) {
        @Nullable Ticket wake;
        @Nullable Disposable task = null;
        synchronized (this) {
            if (!window.answered(handOut, timer.now(NANOSECONDS), roundTrip)) {
                return; // long out of the ring, or already counted
            }
            wake = queue.takeBlockedOnAnswer();
            if (wake == null || !queue.contains(wake)) {
                return;
            }
            wake.due = true;
            wake.generation++;
            task = wake.task;
            wake.task = null;
        }
        if (task != null) {
            task.dispose();
        }
        handOut();
    }

    private void cancel(Ticket ticket) {
        @Nullable Disposable task;
        synchronized (this) {
            if (!queue.remove(ticket)) {
                return;
            }
            task = ticket.task;
        }
        if (task != null) {
            task.dispose();
        }
        handOut(); // the ticket may have been the head that held due ones back
    }

    @Override
    public String toString() {
        return name() + " (" + limit + "/s)";
    }
}
