package io.roomwatch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RefreshPhase} against a simulated snapshot API on a simulated clock (ms, no scheduler needed: the class is
 * pure). The room's members change every {@code churn} ms; the vendor shows them as of its last refresh, every {@code
 * period} ms at the room's phase; each read takes {@link #RTT} ms.
 */
class RefreshPhaseTest {

    private static final long PERIOD = 40_000;
    private static final long FLOOR = 1_000;
    private static final long RTT = 50;

    /** A simulated room of a snapshot API, read as {@link RefreshPhase} says. */
    private static final class Sim {
        final RefreshPhase phase = new RefreshPhase(PERIOD);
        long period = PERIOD;
        long phaseMillis;
        long churn;
        long churnUntil = Long.MAX_VALUE;
        long now;
        final List<long[]> reads = new ArrayList<>(); // {start, news ? latency : -1}

        Sim(long phaseMillis, long churn) {
            this.phaseMillis = phaseMillis;
            this.churn = churn;
        }

        long lastRefresh(long t) {
            return phaseMillis + Math.floorDiv(t - phaseMillis, period) * period;
        }

        /** The content the vendor serves at {@code t}: the members' version as of its last refresh. */
        int content(long t) {
            return (int) Math.floorDiv(Math.min(lastRefresh(t), churnUntil), churn);
        }

        /** Reads until {@code until}, each when the phase says. */
        void runUntil(long until) {
            while (now < until) {
                long served = now + RTT / 2;
                boolean first = reads.isEmpty();
                boolean news = phase.read(now, now + RTT, content(served));
                reads.add(new long[] {now, news && !first ? served - lastRefresh(served) : -1});
                if (Boolean.getBoolean("trace")) {
                    System.out.printf(
                            "t=%d news=%s lat=%d known=%s width=%d refresh=%d%n",
                            now,
                            news,
                            news ? served - lastRefresh(served) : -1,
                            phase.known(),
                            phase.width(),
                            lastRefresh(served));
                }
                long next = phase.next(now, FLOOR);
                assertThat(next).as("floor").isGreaterThanOrEqualTo(now + FLOOR);
                now = next;
            }
        }

        long readsBetween(long from, long to) {
            return reads.stream().filter(r -> r[0] >= from && r[0] < to).count();
        }

        /** The worst time from a refresh to the read that showed it, for reads in [from, to). */
        long worstLatency(long from, long to) {
            return reads.stream()
                    .filter(r -> r[0] >= from && r[0] < to && r[1] >= 0)
                    .mapToLong(r -> r[1])
                    .max()
                    .orElse(-1);
        }
    }

    @Test
    void givenNoChangeYet_thenReadEveryFloor_andThePhaseIsUnknown() {
        Sim room = new Sim(12_345, 10_000);
        room.churnUntil = Long.MIN_VALUE / 2; // the members never change

        room.runUntil(60_000);

        assertThat(room.phase.known()).isFalse();
        assertThat(room.readsBetween(0, 60_000)).isEqualTo(60);
    }

    @Test
    void givenChangesAtEveryRefresh_thenThePhaseIsLearnt_narrowed_andEachRefreshReadOnceJustAfter() {
        Sim room = new Sim(12_345, 10_000);

        room.runUntil(600_000);

        assertThat(room.phase.known()).isTrue();
        assertThat(room.phase.width()).isLessThanOrEqualTo(RefreshPhase.NARROW_MILLIS);
        // after learning: one post read per period, plus a pre read one period in four
        assertThat(room.readsBetween(200_000, 600_000)).isBetween(10L, 14L);
        assertThat(room.worstLatency(200_000, 600_000))
                .as("read within width + margin + half a round trip of each refresh")
                .isLessThanOrEqualTo(RefreshPhase.NARROW_MILLIS + RefreshPhase.MARGIN_MILLIS + RTT);
        assertThat(room.worstLatency(0, 200_000))
                .as("while learning, at the floor")
                .isLessThanOrEqualTo(FLOOR + RTT);
    }

    @Test
    void givenAQuietRoomWithAKnownPhase_thenOneReadPerPeriod() {
        Sim room = new Sim(7_000, 10_000);
        room.runUntil(300_000);
        room.churnUntil = 300_000; // the members stop changing: every later snapshot shows the same

        room.runUntil(900_000);

        assertThat(room.readsBetween(500_000, 900_000)).isEqualTo(10);
    }

    @Test
    void givenTheRefreshDriftsLater_thenACheckReadSeesIt_andThePhaseIsRelearnt() {
        Sim room = new Sim(12_345, 10_000);
        room.runUntil(400_000);
        long learnt = room.phase.width();

        room.phaseMillis += 5_000; // the vendor's refresh now comes 5 s later than learnt
        room.runUntil(1_200_000);

        assertThat(learnt).isLessThanOrEqualTo(RefreshPhase.NARROW_MILLIS);
        assertThat(room.phase.known()).isTrue();
        assertThat(room.worstLatency(400_000, 1_200_000))
                .as("the drift costs at most half a period once")
                .isLessThanOrEqualTo(PERIOD / 2 + RTT);
        assertThat(room.worstLatency(800_000, 1_200_000))
                .as("re-learnt: just after the refresh again")
                .isLessThanOrEqualTo(RefreshPhase.NARROW_MILLIS + RefreshPhase.MARGIN_MILLIS + RTT);
        assertThat(room.readsBetween(800_000, 1_200_000)).isBetween(10L, 14L);
    }

    @Test
    void givenTheRefreshDriftsEarlier_thenAPreReadSeesIt_andThePhaseIsRelearnt() {
        Sim room = new Sim(12_345, 10_000);
        room.runUntil(400_000);

        room.phaseMillis -= 5_000; // the refresh now comes 5 s earlier than learnt
        room.runUntil(1_400_000);

        assertThat(room.worstLatency(1_000_000, 1_400_000))
                .isLessThanOrEqualTo(RefreshPhase.NARROW_MILLIS + RefreshPhase.MARGIN_MILLIS + RTT);
    }

    @Test
    void givenTheVendorChangesItsPeriod_thenTheRoomFallsBackToTheFloor() {
        Sim room = new Sim(12_345, 10_000);
        room.runUntil(400_000);
        assertThat(room.phase.known()).isTrue();

        room.period = 30_000; // not the configured 40 s any more
        room.runUntil(2_400_000);

        assertThat(room.phase.known()).as("no phase trusted").isFalse();
        assertThat(room.readsBetween(2_000_000, 2_400_000))
                .as("reads at the floor")
                .isGreaterThanOrEqualTo(350);
        assertThat(room.worstLatency(2_000_000, 2_400_000)).isLessThanOrEqualTo(FLOOR + RTT);
    }

    @Test
    void givenLiveData_thenEveryReadIsAtTheFloor_andChangesAreNews() {
        RefreshPhase live = new RefreshPhase(0);

        assertThat(live.read(0, 10, 1)).as("first answer").isTrue();
        assertThat(live.read(1_000, 1_010, 1)).isFalse();
        assertThat(live.read(2_000, 2_010, 2)).isTrue();
        assertThat(live.next(2_000, FLOOR)).isEqualTo(3_000);
        assertThat(live.known()).isFalse();
    }
}
