package io.roomwatch.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample responses under src/test/resources/emulator/seeds are verbatim copies out of the seed documents in
 * {@code ../shared/seeds} (skipped where that directory is not beside the checkout).
 */
class SeedResourcesTest {

    @ParameterizedTest
    @CsvSource({
        "000-list-room-info.json, 000_e2516a1ba784ac1b.txt",
        "001-get-room-online-users.json, 001_ef9939e59ab1a44c.txt",
        "002-live-get-room-info.json, 002_74269efc73d3dba7.txt",
        "003-live-get-room-list.json, 003_f58943043d107b04.txt",
        "004-room-get-room-info.json, 004_1a99c9659e889451.txt"
    })
    void resourceIsVerbatimInItsSeed(String resource, String seed) throws IOException {
        Path seedFile = Path.of("..", "shared", "seeds", seed);
        assumeThat(Files.exists(seedFile))
                .as("seed documents beside the checkout")
                .isTrue();

        assertThat(Files.readString(seedFile))
                .contains(SeedSamplesTest.sampleText(resource).strip());
    }
}
