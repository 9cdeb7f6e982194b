package io.roomwatch.kafka;

import io.roomwatch.model.AppKey;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.sink.SinkRejected;
import io.roomwatch.sink.SinkUnavailable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The one place that knows Kafka's producer exceptions: it turns them into our {@link SinkFailure} types. Fatal:
 * authentication and authorization, and what a retry would hit again (unsupported version, invalid configuration or
 * topic, a record too large, serialization). Everything else (timeouts, a broker gone, leader changes, aborted
 * transactions) is retriable, and so is a fencing error: the broker's own abort of a timed-out transaction bumps the
 * epoch too, so only the app's ownership claims ({@link Claims}) tell whether another instance took over; the lane
 * checks them and only then signals {@link io.roomwatch.sink.SinkFenced}.
 */
final class KafkaErrors {

    private KafkaErrors() {}

    /** The failure for {@code error}, which happened while {@code doing} something for {@code app}. */
    static SinkFailure classify(AppKey app, String doing, Throwable error) {
        if (error instanceof SinkFailure known) {
            return known;
        }
        Throwable cause = rootKafkaCause(error);
        String message = doing + " failed: " + cause;
        if (producerLost(cause)) {
            return new SinkUnavailable(
                    app,
                    doing + ": lost the transactional id (" + cause
                            + "): fenced by another instance, or the broker aborted a timed-out transaction",
                    cause);
        }
        if (isRejected(cause)) {
            return new SinkRejected(app, message, cause);
        }
        return new SinkUnavailable(app, message, cause);
    }

    /** The failure of a commit whose outcome is unknown. */
    static SinkInDoubt inDoubt(AppKey app, Throwable error) {
        return new SinkInDoubt(
                app,
                "the broker was lost while committing; the batch may or may not be committed: reload the state"
                        + " before polling again: " + rootKafkaCause(error),
                error);
    }

    /**
     * Whether {@code error} leaves the producer unusable and says the transactional id's epoch moved on: a fencing,
     * an epoch or producer-id mapping the coordinator no longer knows, or an error the broker did not classify.
     */
    static boolean producerLost(Throwable error) {
        Throwable cause = rootKafkaCause(error);
        return cause instanceof ProducerFencedException
                || cause instanceof InvalidProducerEpochException
                || cause instanceof InvalidPidMappingException
                || cause instanceof UnknownServerException;
    }

    /** The innermost Kafka exception of {@code error}, as text: what went wrong, without the wrappers. */
    static String describe(Throwable error) {
        return rootKafkaCause(error).toString();
    }

    /** Whether {@code error} is a timeout or a lost connection: it says nothing about who owns the id. */
    static boolean isTransient(Throwable error) {
        return rootKafkaCause(error) instanceof RetriableException || error instanceof InterruptException;
    }

    private static boolean isRejected(Throwable cause) {
        return cause instanceof AuthenticationException
                || cause instanceof AuthorizationException
                || cause instanceof TransactionalIdAuthorizationException
                || cause instanceof UnsupportedVersionException
                || cause instanceof InvalidConfigurationException
                || cause instanceof InvalidTopicException
                || cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException
                || cause instanceof SerializationException;
    }

    /** The innermost Kafka exception: the producer wraps the real reason in plain {@link KafkaException}s. */
    private static Throwable rootKafkaCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() instanceof KafkaException inner && current != inner) {
            current = inner;
        }
        return current;
    }
}
