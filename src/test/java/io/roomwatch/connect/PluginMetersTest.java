package io.roomwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.junit.jupiter.api.Test;

/** roomwatch's meters as the worker's plugin metrics: the standalone Prometheus names, the meter's tags. */
class PluginMetersTest {

    /** The worker's plugin metrics, reduced to what the bridge uses: names, tags and current values. */
    static final class RecordingMetrics implements PluginMetrics {
        final Map<MetricName, MetricValueProvider<?>> metrics = new LinkedHashMap<>();

        @Override
        public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
            LinkedHashMap<String, String> all = new LinkedHashMap<>();
            all.put("connector", "roomwatch");
            all.put("task", "0");
            all.putAll(tags);
            return new MetricName(name, "plugins", description, all);
        }

        @Override
        public void addMetric(MetricName name, MetricValueProvider<?> provider) {
            if (metrics.putIfAbsent(name, provider) != null) {
                throw new IllegalArgumentException(name + " exists");
            }
        }

        @Override
        public void removeMetric(MetricName name) {
            metrics.remove(name);
        }

        @Override
        public Sensor addSensor(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeSensor(String name) {
            throw new UnsupportedOperationException();
        }

        /** name{tags} to the current value. */
        Map<String, Object> values() {
            Map<String, Object> out = new TreeMap<>();
            metrics.forEach(
                    (name, provider) -> out.put(name.name() + name.tags(), ((Gauge<?>) provider).value(null, 0)));
            return out;
        }
    }

    @Test
    void everyMeter_becomesMetricsNamedAsPrometheusNamesThem_withLiveValues() {
        MeterRegistry registry = new SimpleMeterRegistry();
        RecordingMetrics metrics = new RecordingMetrics();
        PluginMeters.bridge(registry, metrics);

        Counter events = Counter.builder("roomwatch.events")
                .tags("provider", "volcengine", "app", "a1", "type", "UserJoined")
                .register(registry);
        Timer latency = Timer.builder("roomwatch.commit.latency")
                .tags("provider", "volcengine", "app", "a1")
                .register(registry);
        DistributionSummary lag = DistributionSummary.builder("roomwatch.detection.lag")
                .baseUnit("seconds")
                .tags("provider", "volcengine", "app", "a1")
                .register(registry);
        AtomicLong rooms = registry.gauge(
                "roomwatch.rooms.live",
                io.micrometer.core.instrument.Tags.of("provider", "volcengine", "app", "a1"),
                new AtomicLong());
        events.increment(3);
        latency.record(Duration.ofMillis(250));
        lag.record(1.5);
        rooms.set(7);

        Map<String, Object> values = metrics.values();

        String tags = "{connector=roomwatch, task=0, provider=volcengine, app=a1";
        assertThat(values)
                .containsEntry("roomwatch_events_total" + tags + ", event=UserJoined}", 3.0)
                .containsEntry("roomwatch_commit_latency_seconds_count" + tags + "}", 1.0)
                .containsEntry("roomwatch_commit_latency_seconds_sum" + tags + "}", 0.25)
                .containsEntry("roomwatch_detection_lag_seconds_count" + tags + "}", 1.0)
                .containsEntry("roomwatch_detection_lag_seconds_sum" + tags + "}", 1.5)
                .containsEntry("roomwatch_rooms_live" + tags + "}", 7.0);
        assertThat(values.keySet()).allSatisfy(name -> assertThat(name).doesNotContain("type="));
    }
}
