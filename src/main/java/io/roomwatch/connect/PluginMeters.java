package io.roomwatch.connect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * roomwatch's Micrometer meters as the worker's metrics: every meter registered in the task's registry becomes one
 * Kafka metric per statistic in the task's {@link PluginMetrics} (group {@code plugins}, tags {@code connector} and
 * {@code task} first, then the meter's tags), so the worker's metric reporters publish them, JMX included ({@code
 * kafka.connect:type=plugins,connector=<name>,task=<n>,provider=...,app=...}). Metric names are the Prometheus names
 * of the standalone service ({@code roomwatch_events_total}, {@code roomwatch_commit_latency_seconds_count}, ...), so
 * one JMX-exporter rule and one dashboard serve both. The meter tag {@code type} is published as {@code event}: JMX
 * names already use {@code type}. Connect removes the metrics when the task closes.
 */
final class PluginMeters {

    private static final Logger log = LoggerFactory.getLogger(PluginMeters.class);

    private PluginMeters() {}

    /** Publishes every meter registered in {@code registry} from now on to {@code metrics}. */
    static void bridge(MeterRegistry registry, PluginMetrics metrics) {
        registry.config().onMeterAdded(meter -> publish(meter, metrics));
    }

    private static void publish(Meter meter, PluginMetrics metrics) {
        // provider and app first, then the rest (Micrometer sorts tags by name): JMX names and exporter rules rely on
        // it
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        for (String first : new String[] {"provider", "app"}) {
            String value = meter.getId().getTag(first);
            if (value != null) {
                tags.put(first, value);
            }
        }
        meter.getId()
                .getTags()
                .forEach(tag -> tags.putIfAbsent(tag.getKey().equals("type") ? "event" : tag.getKey(), tag.getValue()));
        String description = meter.getId().getDescription() == null
                ? meter.getId().getName()
                : meter.getId().getDescription();
        for (Measurement measurement : meter.measure()) {
            Statistic statistic = measurement.getStatistic();
            MetricName name = metrics.metricName(name(meter, statistic), description, tags);
            try {
                metrics.addMetric(name, (Gauge<Double>) (config, now) -> value(meter, statistic));
            } catch (IllegalArgumentException e) {
                log.debug("metric {} already published: {}", name, e.getMessage());
            }
        }
    }

    /** The statistic's current value; NaN if the meter no longer reports it. */
    private static double value(Meter meter, Statistic statistic) {
        for (Measurement measurement : meter.measure()) {
            if (measurement.getStatistic() == statistic) {
                return measurement.getValue();
            }
        }
        return Double.NaN;
    }

    /** The Prometheus name of the standalone service for this meter's statistic. */
    static String name(Meter meter, Statistic statistic) {
        String base = meter.getId().getName().replace('.', '_');
        if (meter instanceof Counter || meter instanceof FunctionCounter) {
            return base + "_total";
        }
        if (meter instanceof Timer || meter instanceof FunctionTimer || meter instanceof LongTaskTimer) {
            return base + "_seconds" + suffix(statistic);
        }
        if (meter instanceof DistributionSummary) {
            String unit = meter.getId().getBaseUnit();
            return base + (unit != null && unit.matches("[a-z]+") ? "_" + unit : "") + suffix(statistic);
        }
        return statistic == Statistic.VALUE ? base : base + suffix(statistic);
    }

    private static String suffix(Statistic statistic) {
        return switch (statistic) {
            case COUNT -> "_count";
            case TOTAL, TOTAL_TIME -> "_sum";
            case MAX -> "_max";
            default -> "_" + statistic.name().toLowerCase(Locale.ROOT);
        };
    }
}
