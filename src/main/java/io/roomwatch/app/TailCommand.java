package io.roomwatch.app;

import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.kafka.KafkaEventTail;
import io.roomwatch.kafka.KafkaEventTail.Tailed;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roomwatch tail}: what a consumer of the event topic gets, readable or as JSON lines. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = "Reads the event topic from any Kafka (isolation.level=read_committed) and prints events "
                + "readably, or as JSON lines with --json.")
final class TailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-b", "--bootstrap-server"},
            required = true,
            description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(
            names = {"-t", "--topic"},
            description = "Event topic. Default: ${DEFAULT-VALUE}")
    String topic = "roomwatch.events";

    @Option(names = "--from-beginning", description = "Start at the oldest event instead of new ones")
    boolean fromBeginning;

    @Option(names = "--json", description = "Print each event's JSON value on one line")
    boolean json;

    @Option(
            names = {"-n", "--max-events"},
            description = "Stop after this many events")
    long maxEvents = Long.MAX_VALUE;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long")
    Duration duration;

    @Option(names = "--property", description = "Kafka client property, e.g. security.protocol=SSL (repeatable)")
    Map<String, String> properties = Map.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        KafkaSinkConfig config = KafkaSinkConfig.defaults(bootstrapServers)
                .withEventsTopic(topic)
                .withClientProperties(properties);
        var events = KafkaEventTail.create(config, fromBeginning).events().take(maxEvents);
        var bounded = duration == null ? events : events.take(duration);
        bounded.doOnNext(record -> print(out, record)).blockLast();
        return 0;
    }

    private void print(PrintWriter out, Tailed record) {
        if (json) {
            out.println(record.json());
        } else if (record.event() != null) {
            out.println(EventLines.line(record.event()));
        } else {
            out.println(
                    "?? " + record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + record.error());
        }
        out.flush();
    }
}
