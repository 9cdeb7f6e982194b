package io.roomwatch.kafka;

import io.roomwatch.model.AppKey;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Who owns an app: the instance whose ownership claim of it is the latest in the state topic's log. An instance
 * claims an app once, before it first takes the app's transactional id ({@code initTransactions}), and takes the id
 * back later (after an error closed its producer) only while no later claim of the app follows its own.
 *
 * <p>Why a claim and not the error itself: after some producer errors an instance cannot tell whether another one
 * took its transactional id ({@code UNKNOWN_SERVER_ERROR} on {@code EndTxn}, an abort that fails, {@code
 * InvalidPidMapping}, a fencing by the broker's own timeout abort). Re-initialising blindly makes two instances take
 * the id from each other in turn. A claim is acknowledged ({@code acks=all}) before its instance calls {@code
 * initTransactions}, so any instance that took the id from us has a claim after ours in the log by then, and reading
 * the partition up to its high watermark finds it. Both methods block (bounded by the sink's timeouts) and throw
 * Kafka's exceptions when the broker cannot be reached.
 */
interface Claims extends AutoCloseable {

    /** Appends a claim of {@code app} by this instance and waits for it to be acknowledged. */
    Claim claim(AppKey app);

    /**
     * A later claim of {@code app} than {@code ours}, if any: the instance that made it. Empty means no other instance
     * has claimed the app since, so it may take the transactional id back.
     */
    Optional<String> laterClaim(AppKey app, Claim ours);

    @Override
    void close();

    /**
     * Where this instance's claim of an app landed.
     *
     * @param instance this instance, as written in the claim
     * @param partition the state topic partition holding the app's claims
     * @param offset the offset of this instance's claim
     */
    record Claim(String instance, TopicPartition partition, long offset) {}
}
