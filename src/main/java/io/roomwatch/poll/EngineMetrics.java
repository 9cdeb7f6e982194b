package io.roomwatch.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.AppState;
import io.roomwatch.model.EventType;
import io.roomwatch.model.Origin;
import io.roomwatch.model.PresenceEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's meters of one app, tagged {@code provider} and {@code app}. Durations are measured on the engine's
 * scheduler (virtual in tests), never on the registry's clock.
 *
 * <ul>
 *   <li>{@code roomwatch.sweeps} (timer): room sweeps that ended, with their duration;
 *   <li>{@code roomwatch.member.polls} (timer, {@code outcome}: ok, gone, failed): member polls;
 *   <li>{@code roomwatch.rooms.live}, {@code roomwatch.members.present} (gauges): the committed state;
 *   <li>{@code roomwatch.events} (counter, {@code type}): events committed;
 *   <li>{@code roomwatch.commits} (counter, {@code outcome}: committed, failed) and {@code roomwatch.commit.latency}
 *       (timer): commit attempts and how long a batch took to become durable, retries included;
 *   <li>{@code roomwatch.detection.lag} (distribution, seconds): from an event's {@code observedAt} to its commit;
 *   <li>{@code roomwatch.member.answers} (counter, {@code outcome}: held, released, dropped): member answers that
 *       waited for attribution, were attributed after waiting, or were dropped as never attributable; {@code
 *       roomwatch.member.answers.waiting} (gauge): answers waiting now;
 *   <li>{@code roomwatch.events.origin} (counter, {@code origin}: poll, callback): events committed, by how roomwatch
 *       learnt of them first; with callbacks on, the share of {@code callback} is how much push delivered first;
 *   <li>{@code roomwatch.poll.lateness} (distribution, seconds): for events found by polling that carry the vendor's
 *       time ({@code occurredAt}), how long after it polling saw them: with callbacks on, how late polling found
 *       what push missed;
 *   <li>{@code roomwatch.rooms.capped} and {@code roomwatch.members.unconfirmed} (gauges): rooms whose last member
 *       list was capped by the vendor (TUILiveKit lists 1 000), and their members missing from that list, whose
 *       presence roomwatch can neither confirm nor end until the room drops below the cap or ends;
 *   <li>{@code roomwatch.member.reads} (counter, {@code api}: the vendor's member API, {@code outcome}: news, same):
 *       member answers that differed from the room's previous answer (or were its first) and answers equal to it,
 *       which bought nothing; their ratio says how well the member budget is spent.
 * </ul>
 *
 * Thread-safe (Micrometer meters are).
 */
final class EngineMetrics {

    private final Timer sweeps;
    private final Map<PollOutcome, Timer> polls = new EnumMap<>(PollOutcome.class);
    private final Map<EventType, Counter> events = new EnumMap<>(EventType.class);
    private final Map<Origin, Counter> origins = new EnumMap<>(Origin.class);
    private final DistributionSummary pollLateness;
    private final Counter committed;
    private final Counter failed;
    private final Timer commitLatency;
    private final DistributionSummary detectionLag;
    private final AtomicLong liveRooms;
    private final AtomicLong members;
    private final Counter answersHeld;
    private final Counter answersReleased;
    private final Counter answersDropped;
    private final AtomicLong answersWaiting;
    private final AtomicLong cappedRooms;
    private final AtomicLong unconfirmedMembers;
    private final Counter readsNews;
    private final Counter readsSame;

    /** What became of one member poll. */
    enum PollOutcome {
        OK,
        GONE,
        FAILED
    }

    /** @param memberApi the vendor's name of the member API, the {@code api} tag of {@code roomwatch.member.reads} */
    EngineMetrics(MeterRegistry registry, AppKey app, String memberApi) {
        Tags tags = Tags.of("provider", app.provider().id(), "app", app.appId());
        sweeps = Timer.builder("roomwatch.sweeps").tags(tags).register(registry);
        for (PollOutcome outcome : PollOutcome.values()) {
            String tag = outcome.name().toLowerCase(Locale.ROOT);
            polls.put(
                    outcome,
                    Timer.builder("roomwatch.member.polls")
                            .tags(tags.and("outcome", tag))
                            .register(registry));
        }
        for (EventType type : EventType.values()) {
            events.put(
                    type,
                    Counter.builder("roomwatch.events")
                            .tags(tags.and("type", type.wireName()))
                            .register(registry));
        }
        for (Origin origin : Origin.values()) {
            origins.put(
                    origin,
                    Counter.builder("roomwatch.events.origin")
                            .tags(tags.and("origin", origin.id()))
                            .register(registry));
        }
        pollLateness = DistributionSummary.builder("roomwatch.poll.lateness")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry);
        committed = Counter.builder("roomwatch.commits")
                .tags(tags.and("outcome", "committed"))
                .register(registry);
        failed = Counter.builder("roomwatch.commits")
                .tags(tags.and("outcome", "failed"))
                .register(registry);
        commitLatency = Timer.builder("roomwatch.commit.latency").tags(tags).register(registry);
        detectionLag = DistributionSummary.builder("roomwatch.detection.lag")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry);
        liveRooms = registry.gauge("roomwatch.rooms.live", tags, new AtomicLong());
        members = registry.gauge("roomwatch.members.present", tags, new AtomicLong());
        answersHeld = answers(registry, tags, "held");
        answersReleased = answers(registry, tags, "released");
        answersDropped = answers(registry, tags, "dropped");
        answersWaiting = registry.gauge("roomwatch.member.answers.waiting", tags, new AtomicLong());
        cappedRooms = registry.gauge("roomwatch.rooms.capped", tags, new AtomicLong());
        unconfirmedMembers = registry.gauge("roomwatch.members.unconfirmed", tags, new AtomicLong());
        readsNews = reads(registry, tags.and("api", memberApi), "news");
        readsSame = reads(registry, tags.and("api", memberApi), "same");
    }

    private static Counter reads(MeterRegistry registry, Tags tags, String outcome) {
        return Counter.builder("roomwatch.member.reads")
                .tags(tags.and("outcome", outcome))
                .description("member answers that brought news (first or different from the previous) or the same")
                .register(registry);
    }

    /** A member answer arrived: {@code news} if it was the room's first or differed from its previous one. */
    void answer(boolean news) {
        (news ? readsNews : readsSame).increment();
    }

    private static Counter answers(MeterRegistry registry, Tags tags, String outcome) {
        return Counter.builder("roomwatch.member.answers")
                .tags(tags.and("outcome", outcome))
                .register(registry);
    }

    /** What attribution did in one committed batch, and how many answers wait now. */
    void attribution(Batch.Counts counts, int waiting) {
        answersHeld.increment(counts.held());
        answersReleased.increment(counts.released());
        answersDropped.increment(counts.dropped());
        answersWaiting.set(waiting);
    }

    /** Rooms above the vendor's member-list cap now, and their members that list did not confirm. */
    void capped(int rooms, int unconfirmed) {
        cappedRooms.set(rooms);
        unconfirmedMembers.set(unconfirmed);
    }

    void swept(long millis) {
        sweeps.record(Duration.ofMillis(millis));
    }

    void polled(PollOutcome outcome, long millis) {
        polls.get(outcome).record(Duration.ofMillis(millis));
    }

    void commitFailed() {
        failed.increment();
    }

    /** The committed state now: rooms and members tracked. */
    void state(AppState state) {
        liveRooms.set(state.live().size());
        members.set(SweepStats.members(state));
    }

    /** A batch became durable at {@code nowMillis}, {@code tookMillis} after its first attempt started. */
    void committed(List<PresenceEvent> batch, long tookMillis, long nowMillis) {
        committed.increment();
        commitLatency.record(Duration.ofMillis(tookMillis));
        for (PresenceEvent e : batch) {
            events.get(e.type()).increment();
            origins.get(e.origin()).increment();
            if (e.origin() == Origin.POLL && e.occurredAt() != null) {
                pollLateness.record(Math.max(
                                0,
                                e.observedAt().toEpochMilli() - e.occurredAt().toEpochMilli())
                        / 1000.0);
            }
            detectionLag.record(Math.max(0, nowMillis - e.observedAt().toEpochMilli()) / 1000.0);
        }
    }
}
