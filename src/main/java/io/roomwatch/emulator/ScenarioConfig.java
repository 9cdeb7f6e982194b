package io.roomwatch.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A seeded, deterministic scenario: the same seed, apps and clock always yield the same change log.
 * Readable from YAML or JSON ({@link #read(Path)}; format in docs/emulator.md).
 *
 * @param seed seed of the {@link java.util.SplittableRandom}
 * @param tickMillis simulation step on the emulator clock (0 = 1000)
 * @param apps per-app activity
 */
public record ScenarioConfig(long seed, long tickMillis, List<AppLoad> apps) {

    public ScenarioConfig {
        ArgumentChecks.notNegative(tickMillis, "tickMillis");
        tickMillis = tickMillis == 0 ? 1000 : tickMillis;
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** A lively scenario over the demo apps of {@link EmulatorConfig#demo()}, for the demo and for trying tools. */
    public static ScenarioConfig demo() {
        String tencent = Long.toString(EmulatorConfig.DEMO_SDK_APP_ID);
        return new ScenarioConfig(
                42,
                500,
                List.of(
                        new AppLoad(
                                Vendor.VOLCENGINE,
                                EmulatorConfig.DEMO_VOLCENGINE_APP,
                                6,
                                120,
                                0.15,
                                6,
                                60,
                                0.2,
                                0.3,
                                2,
                                0,
                                0,
                                20),
                        new AppLoad(Vendor.TENCENT_LIVE, tencent, 6, 180, 0.1, 12, 90, 0, 0.2, 1, 1200, 25, 30),
                        new AppLoad(Vendor.TENCENT_ROOM, tencent, 3, 240, 0.1, 4, 120, 0, 0.2, 1, 0, 0, 10)));
    }

    /**
     * Reads a YAML or JSON file (JSON is valid YAML); unknown fields are errors.
     *
     * @throws IOException if the file cannot be read or bound
     */
    public static ScenarioConfig read(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), ScenarioConfig.class);
    }

    public ScenarioConfig withSeed(long seed) {
        return new ScenarioConfig(seed, tickMillis, apps);
    }
}
