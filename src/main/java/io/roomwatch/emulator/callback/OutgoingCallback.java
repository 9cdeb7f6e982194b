package io.roomwatch.emulator.callback;

import io.roomwatch.emulator.Change;
import java.util.function.LongFunction;

/**
 * One delivery of one callback: a body fixed for all its attempts and a query made per attempt (Tencent signs the
 * attempt's {@code RequestTime}).
 *
 * @param change what it reports
 * @param command Volcengine {@code EventType} or Tencent {@code CallbackCommand} (logs)
 * @param url {@code {target}/{provider}/{appId}}, without query
 * @param body JSON body
 * @param query query string (with its {@code ?}, or empty) for an attempt at the given unix second
 * @param retries the vendor's retry schedule
 * @param delayMillis wait before the first attempt (the delay fault)
 * @param forged a forged copy a correct receiver rejects
 */
record OutgoingCallback(
        Change change,
        String command,
        String url,
        String body,
        LongFunction<String> query,
        RetrySchedule retries,
        long delayMillis,
        boolean forged) {

    OutgoingCallback delayedBy(long millis) {
        return new OutgoingCallback(change, command, url, body, query, retries, millis, forged);
    }
}
