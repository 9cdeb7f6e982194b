package io.roomwatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression for issue 14 ("demo --help says its Kafka folder is deleted at exit; it is not"). */
class EmbeddedKafkaTest {

    @Test
    void givenATemporaryFolderItMade_whenClosed_thenTheFolderIsGone() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.create();
        Path dir = kafka.dataDir();
        Files.writeString(dir.resolve("broker.log"), "a log line\n");
        Files.createDirectories(dir.resolve("kafka-logs/topic-0"));
        Files.writeString(dir.resolve("kafka-logs/topic-0/00000000000000000000.log"), "data");

        kafka.close();

        assertThat(dir.getFileName().toString()).startsWith("roomwatch-kafka-");
        assertThat(dir).doesNotExist();
    }

    @Test
    void givenTheCallersFolder_whenClosed_thenItIsKept(@TempDir Path parent) throws Exception {
        Path dir = Files.createDirectories(parent.resolve("kafka"));
        Files.writeString(dir.resolve("broker.log"), "a log line\n");

        EmbeddedKafka.create(dir).close();

        assertThat(dir.resolve("broker.log")).exists();
    }
}
