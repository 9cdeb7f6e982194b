package io.roomwatch.emulator.callback;

/** When a failed attempt is tried again, per vendor. Pure: the caller passes the clock readings. */
enum RetrySchedule {
    /**
     * Volcengine: "HTTP 200 within 5 s, otherwise up to 2 retries" (≤ 3 deliveries,
     * https://volcengine.com/docs/6348/69820). The spacing is not documented; we wait 1 s, then 2 s.
     */
    VOLCENGINE {
        @Override
        long nextDelayMillis(int attemptsMade, long firstAttemptAt, long now) {
            return attemptsMade >= 3 ? STOP : 1000L * attemptsMade;
        }
    },
    /**
     * Tencent: an immediate retry, then every 10 s, giving up one minute after the first attempt (the TRTC callback
     * page states this, https://trtc.io/document/39558; the TUILiveKit/TUIRoomKit pages state no schedule, so we apply
     * the same one). The 10 s grid counts from the first attempt, so slow answers do not push the last retry past the
     * minute: attempts at +0, +0, +10 s, ..., +60 s, eight in all.
     */
    TENCENT {
        @Override
        long nextDelayMillis(int attemptsMade, long firstAttemptAt, long now) {
            if (attemptsMade == 1) {
                return 0;
            }
            long due = firstAttemptAt + 10_000L * (attemptsMade - 1);
            return due - firstAttemptAt > 60_000 ? STOP : Math.max(0, due - now);
        }
    },
    /** Forged copies: sent once, whatever the answer (a forger does not retry). */
    ONCE {
        @Override
        long nextDelayMillis(int attemptsMade, long firstAttemptAt, long now) {
            return STOP;
        }
    };

    /** No further attempt. */
    static final long STOP = -1;

    /**
     * @param attemptsMade attempts so far, all failed (≥ 1)
     * @param firstAttemptAt emulator clock at the first attempt, epoch ms
     * @param now emulator clock now, epoch ms
     * @return milliseconds to wait before the next attempt, or {@link #STOP}
     */
    abstract long nextDelayMillis(int attemptsMade, long firstAttemptAt, long now);
}
