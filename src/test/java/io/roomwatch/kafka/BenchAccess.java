package io.roomwatch.kafka;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import java.util.Properties;

/** For the benchmarks: the exact producer settings the sink uses, to give Kafka's own tool the same ones. */
public final class BenchAccess {

    private BenchAccess() {}

    /** The producer properties of {@code app}'s producer in a sink configured with {@code config}. */
    public static Properties producerSettings(KafkaSinkConfig config, AppKey app) {
        return ProducerSettings.of(config, app);
    }
}
