package io.roomwatch.emulator;

/**
 * What the callback sender did since the emulator started: a consistent-enough snapshot of monotonic counters (each
 * read atomically, not all at one instant).
 *
 * @param changes changes of the world's log the sender read
 * @param suppressed changes the vendor sends no callback for (Volcengine room creation unless asked for; TUILiveKit
 *     members removed by the room's dissolution)
 * @param lost callbacks dropped by the {@code lossRate} fault, never sent
 * @param duplicated extra deliveries added by the {@code duplicateRate} fault
 * @param forged forged copies added by the {@code forgedRate} fault (sent once each, never retried)
 * @param sent HTTP requests made: every attempt of every delivery, forged copies included
 * @param delivered genuine deliveries answered HTTP 200 (duplicates count twice)
 * @param rejected genuine attempts answered with another status (each may be retried)
 * @param failed genuine attempts without an answer: connection error or no answer within 5 s (each may be retried)
 * @param givenUp genuine deliveries abandoned after the vendor's last retry
 * @param forgedAccepted forged copies answered HTTP 200: a receiver that accepts them is broken
 * @param forgedRejected forged copies answered otherwise or not at all (every HTTP request ends as exactly one of
 *     delivered, rejected, failed, forgedAccepted or forgedRejected, so {@link #settled()} catches up with {@code
 *     sent} whenever nothing is on the wire)
 * @param overrun changes dropped from the world's bounded log before the sender read them (never sent)
 */
public record CallbackCounts(
        long changes,
        long suppressed,
        long lost,
        long duplicated,
        long forged,
        long sent,
        long delivered,
        long rejected,
        long failed,
        long givenUp,
        long forgedAccepted,
        long forgedRejected,
        long overrun) {

    /** All zero: callbacks off or nothing happened yet. */
    public static CallbackCounts none() {
        return new CallbackCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** HTTP requests whose outcome is known: {@code sent} minus those on the wire. */
    public long settled() {
        return delivered + rejected + failed + forgedAccepted + forgedRejected;
    }
}
