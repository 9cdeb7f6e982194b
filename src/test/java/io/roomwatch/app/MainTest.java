package io.roomwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: exit codes and the one-line problems of {@code validate} and {@code run}. */
class MainTest {

    private static final String SENTINEL = "SENTINEL-8d1f2c-never-print-me";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Map<String, String> env, String... args) {
        CommandLine cli = Main.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Map<String, String> exampleEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092");
        env.put("KAFKA_JAAS_CONFIG", SENTINEL);
        env.put("VOLC_APP_ID", "661e0000543cf");
        env.put("VOLC_ACCESS_KEY_ID", "AKLTexample");
        env.put("VOLC_SECRET_ACCESS_KEY", SENTINEL);
        env.put("TENCENT_SDK_APP_ID", "1400000000");
        env.put("TENCENT_ADMINISTRATOR", "administrator");
        env.put("TENCENT_SECRET_KEY", SENTINEL);
        return env;
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("roomwatch.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String app(String body) {
        return "kafka: { bootstrapServers: 127.0.0.1:9092 }\napps:\n  - provider: tencent-live\n    sdkAppId: \"1400000000\"\n"
                + "    administrator: administrator\n    secretKey: ${TENCENT_SECRET_KEY}\n    region: singapore\n"
                + body;
    }

    @Test
    void validate_givenTheShippedExample_thenValid_andNoSecretPrinted() {
        int code = execute(exampleEnv(), "validate", "deploy/config/roomwatch.example.yml");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("valid").doesNotContain(SENTINEL);
        assertThat(err.toString()).doesNotContain(SENTINEL);
    }

    @Test
    void validate_givenEachKindOfMistake_thenExit2WithOneLineNamingFieldAndApp() throws IOException {
        Map<String, String> env = exampleEnv();
        Path file =
                write(app("    regoin: singapore\n    qps: { getMemberList: 250 }\n    poll: { sweepInterval: -5s }\n")
                        + "  - provider: volcengine\n    appId: a1\n    accessKeyId: AK\n    secretAccessKey: ${MISSING_SECRET}\n"
                        + "    region: mars\n");

        int code = execute(env, "validate", file.toString());

        String[] lines = err.toString().strip().split("\n");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).doesNotContain(SENTINEL);
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .contains("apps[0] (tencent-live/1400000000).regoin")
                .contains("unknown key"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .contains("qps.getMemberList")
                .contains("250")
                .contains("200"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains("poll.sweepInterval").contains("positive"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .contains("apps[1] (volcengine/a1).secretAccessKey")
                .contains("MISSING_SECRET"));
        assertThat(lines)
                .anySatisfy(l ->
                        assertThat(l).contains("apps[1] (volcengine/a1).region").contains("mars"));
    }

    @Test
    void run_givenBadConfig_thenExit2BeforeAnythingStarts() throws IOException {
        Path file = write(app("    qps: { getRoomList: 11 }\n"));

        int code = execute(exampleEnv(), "run", "-c", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("qps.getRoomList").contains("11").contains("10");
    }

    @Test
    void unknownCommandOrOption_thenUsageExitCode2_andEveryCommandHasHelp() {
        assertThat(execute(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(execute(Map.of(), "tail", "-b", "127.0.0.1:9", "--duration", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
        for (String command : new String[] {"run", "demo", "emulator", "tail", "validate"}) {
            out.getBuffer().setLength(0);
            assertThat(execute(Map.of(), command, "--help")).isZero();
            assertThat(out.toString()).as(command).contains("Usage: roomwatch " + command);
        }
    }
}
