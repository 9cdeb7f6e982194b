package io.roomwatch.app;

import io.roomwatch.kafka.KafkaEventTail.Tailed;
import io.roomwatch.model.AppState;
import io.roomwatch.poll.AppPoller;
import io.roomwatch.provider.BudgetView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** What the demo prints: one line per event read back from Kafka, and a periodic summary. Thread-safe. */
final class DemoFeed {

    private final PrintWriter out;
    private final Map<BudgetView, Long> lastUsed = new HashMap<>();
    private long events;
    private long eventsAtLastSummary;

    DemoFeed(PrintWriter out) {
        this.out = out;
    }

    synchronized void print(Tailed record) {
        events++;
        out.println(
                record.event() != null
                        ? EventLines.line(record.event())
                        : "?? " + record.error() + ": " + record.json());
        out.flush();
    }

    /** {@code rooms 14, members 93, 4.2 events/s; budget use: ...} */
    synchronized void summary(PollerApp app, Duration period) {
        long rooms = 0;
        long members = 0;
        for (AppPoller poller : app.pollers()) {
            AppState state = poller.state();
            rooms += state.live().size();
            members += state.live().values().stream()
                    .mapToLong(r -> r.members().size())
                    .sum();
        }
        double seconds = period.toMillis() / 1000.0;
        StringJoiner budgets = new StringJoiner(", ");
        for (BudgetView budget : app.budgets()) {
            long used = budget.used();
            long delta = used - lastUsed.getOrDefault(budget, used);
            lastUsed.put(budget, used);
            budgets.add(String.format(
                    "%s %s %.0f%%", budget.app(), budget.api(), 100.0 * delta / seconds / budget.limit()));
        }
        out.printf(
                "-- %s  rooms %d, members %d, %.1f events/s; budget in use: %s%n",
                Instant.now().toString().substring(11, 19),
                rooms,
                members,
                (events - eventsAtLastSummary) / seconds,
                budgets);
        out.flush();
        eventsAtLastSummary = events;
    }
}
