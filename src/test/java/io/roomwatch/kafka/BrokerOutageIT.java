package io.roomwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomwatch.broker.EmbeddedKafka;
import io.roomwatch.config.KafkaSinkConfig;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.PresenceEvent;
import io.roomwatch.model.Provider;
import io.roomwatch.model.Transition;
import io.roomwatch.sink.SinkFailure;
import io.roomwatch.sink.SinkInDoubt;
import io.roomwatch.testing.EventReplay;
import io.roomwatch.testing.SinkDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker goes away (graceful stop, then a kill) while roomwatch commits: the commit fails within its bounds, the
 * broker comes back on the same data folder and ports, the redone cycle commits, and consumers see every event once.
 */
@Tag("slow")
@Timeout(240)
class BrokerOutageIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerOutageIT.class);
    private static final AppKey APP = AppKey.of(Provider.VOLCENGINE, "661e0000543cf");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static EmbeddedKafka kafka;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws IOException {
        kafka = EmbeddedKafka.create(Files.createTempDirectory("roomwatch-outage-it-"));
        bootstrap = kafka.start();
    }

    @AfterAll
    static void stopBroker() throws IOException {
        kafka.stop();
        KafkaEventSinkIT.deleteRecursively(kafka.dataDir());
    }

    @Test
    void givenBrokerDown_whenCommitting_thenFailsInBoundedTime_andAfterRestartTheRedoneCycleCommitsExactlyOnce() {
        KafkaSinkConfig config = KafkaSinkConfig.defaults(bootstrap)
                .withBlockTimeout(Duration.ofSeconds(3))
                .withDeliveryTimeout(Duration.ofSeconds(4));
        KafkaEventSink kafkaSink = KafkaEventSink.create(config);
        SinkDriver sink = new SinkDriver(kafkaSink, KafkaSnapshotStore.create(config));
        Story story = new Story(APP);
        List<Function<Story, Transition>> script = story.script();
        sink.load(APP);
        commitEventually(sink, story, script.get(0));

        outage(sink, story, script.get(1), false);
        commitEventually(sink, story, script.get(2));
        outage(sink, story, script.get(3), true);
        for (Function<Story, Transition> step : script.subList(4, script.size())) {
            commitEventually(sink, story, step);
        }
        kafkaSink.close(Duration.ofSeconds(10)).block(WAIT);

        List<PresenceEvent> seen = KafkaEventSinkIT.committedEvents(bootstrap, config);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(story.events());
        new EventReplay().acceptAll(story.events()); // includes the duplicate-eventId check
        assertThat(seen.stream().map(PresenceEvent::eventId).distinct()).hasSameSizeAs(seen);
        assertThat(KafkaSnapshotStore.create(config).load(APP).block(WAIT)).isEqualTo(story.state());
    }

    /** Takes the broker away, checks a commit fails within its bounds, brings the broker back, redoes the cycle. */
    private void outage(SinkDriver sink, Story story, Function<Story, Transition> step, boolean crash) {
        if (crash) {
            kafka.kill();
        } else {
            kafka.stop();
        }
        Instant start = Instant.now();
        assertThatThrownBy(() -> sink.commit(APP, List.of(step.apply(story))).block(WAIT))
                .isInstanceOf(SinkFailure.class)
                .matches(e -> ((SinkFailure) e).isRetriable());
        Duration took = Duration.between(start, Instant.now());
        log.warn("commit with the broker {} failed after {}", crash ? "killed" : "stopped", took);
        assertThat(took).isLessThan(Duration.ofSeconds(20)); // blockTimeout + deliveryTimeout + blockTimeout + slack
        assertThat(kafka.start()).isEqualTo(bootstrap);
        commitEventually(sink, story, step);
    }

    /** What the engine does: redo the cycle from the state it has until it commits; reload after a doubt. */
    private static void commitEventually(SinkDriver sink, Story story, Function<Story, Transition> step) {
        for (int attempt = 1; ; attempt++) {
            Transition transition = step.apply(story);
            try {
                sink.commit(APP, List.of(transition)).block(WAIT);
                story.accept(transition);
                return;
            } catch (SinkInDoubt e) {
                story.reset(sink.reload(APP));
            } catch (SinkFailure e) {
                assertThat(e.isRetriable()).as(e.getMessage()).isTrue();
                assertThat(attempt).as("attempts, last: " + e.getMessage()).isLessThan(10);
            }
        }
    }
}
