package io.roomwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.kafka.SendResult.Failed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** {@link Sends} with a {@link MockProducer} that answers sends only when it is flushed. */
class SendsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Scheduler lane = Schedulers.newSingle("sends-test-lane");
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());

    @AfterEach
    void close() {
        lane.dispose();
    }

    @Test
    void whenEveryRecordIsHandedOver_thenTheProducerIsFlushedRatherThanLeftToLinger() {
        // MockProducer completes pending sends only on flush(); without one, block() would time out
        Optional<Failed> outcome =
                new Sends(producer, lane, 16).firstFailure(records(10)).block(WAIT);

        assertThat(outcome).isEmpty();
        assertThat(producer.history()).hasSize(10);
    }

    private static List<ProducerRecord<String, byte[]>> records(int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new ProducerRecord<>("t", "k" + i, new byte[] {(byte) i}));
        }
        return records;
    }
}
