package io.roomwatch.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector's configuration: the roomwatch YAML through ConfigDef/validate, and the spreading of apps. */
class ConnectorSettingsTest {

    static final Map<String, String> ENV = Map.of("VOLC_SECRET", "s3cr3t-sentinel");

    static final String YAML =
            """
            kafka:
              bootstrapServers: 127.0.0.1:9092
            apps:
              - provider: volcengine
                appId: app-1
                accessKeyId: AKLTexample
                secretAccessKey: ${VOLC_SECRET}
              - provider: volcengine
                appId: app-2
                accessKeyId: AKLTexample
                secretAccessKey: ${VOLC_SECRET}
              - provider: volcengine
                appId: app-3
                accessKeyId: AKLTexample
                secretAccessKey: ${VOLC_SECRET}
            """;

    /** A connector configuration that passes: the YAML inline, the converters, connector-defined transactions. */
    static Map<String, String> valid(String yaml) {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", RoomwatchSourceConnector.class.getName());
        props.put("tasks.max", "2");
        props.put(ConnectorSettings.CONFIG, yaml);
        props.put(ConnectorSettings.KEY_CONVERTER, ConnectorSettings.STRING_CONVERTER);
        props.put(ConnectorSettings.VALUE_CONVERTER, RoomwatchConverter.class.getName());
        props.put(ConnectorSettings.TRANSACTION_BOUNDARY, "connector");
        return props;
    }

    @Test
    void aValidConfiguration_hasNoProblem_andLoads() {
        assertThat(ConnectorSettings.problems(valid(YAML), ENV)).isEmpty();
        assertThat(ConnectorSettings.load(valid(YAML), ENV).apps()).hasSize(3);
    }

    @Test
    void theYamlByPath_isReadFromTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("roomwatch.yml"), YAML);
        Map<String, String> props = valid(YAML);
        props.remove(ConnectorSettings.CONFIG);
        props.put(ConnectorSettings.CONFIG_FILE, file.toString());

        assertThat(ConnectorSettings.problems(props, ENV)).isEmpty();
        assertThat(ConnectorSettings.load(props, ENV).apps()).hasSize(3);
    }

    @Test
    void noYaml_isOneProblemOnTheConfigKey() {
        Map<String, String> props = valid(YAML);
        props.remove(ConnectorSettings.CONFIG);

        Map<String, List<String>> problems = ConnectorSettings.problems(props, ENV);
        assertThat(problems).containsOnlyKeys(ConnectorSettings.CONFIG);
        assertThat(problems.get(ConnectorSettings.CONFIG))
                .singleElement()
                .asString()
                .contains("missing");
    }

    @Test
    void inlineAndPathTogether_isOneProblem() {
        Map<String, String> props = valid(YAML);
        props.put(ConnectorSettings.CONFIG_FILE, "/etc/roomwatch.yml");

        assertThat(ConnectorSettings.problems(props, ENV).get(ConnectorSettings.CONFIG))
                .singleElement()
                .asString()
                .contains("not both");
    }

    @Test
    void everyMistakeOfTheYaml_isOneLine_namingTheConnectorKeyAndTheField() {
        String bad = YAML.replace("appId: app-2", "appId: \"\"").replace("${VOLC_SECRET}", "${NOT_SET}");

        List<String> lines = ConnectorSettings.problems(valid(bad), ENV).get(ConnectorSettings.CONFIG);

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith(ConnectorSettings.CONFIG + ": "));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("NOT_SET"));
        assertThat(lines).as("one line per mistake").doesNotHaveDuplicates();
    }

    @Test
    void aMissingFile_isOneProblemOnTheFileKey() {
        Map<String, String> props = valid(YAML);
        props.remove(ConnectorSettings.CONFIG);
        props.put(ConnectorSettings.CONFIG_FILE, "/nonexistent/roomwatch.yml");

        assertThat(ConnectorSettings.problems(props, ENV)).containsOnlyKeys(ConnectorSettings.CONFIG_FILE);
    }

    @Test
    void theConvertersRoomwatchNeeds_areCheckedOneMessageEach() {
        Map<String, String> props = valid(YAML);
        props.remove(ConnectorSettings.KEY_CONVERTER);
        props.put(ConnectorSettings.VALUE_CONVERTER, "org.apache.kafka.connect.json.JsonConverter");

        Map<String, List<String>> problems = ConnectorSettings.problems(props, ENV);

        assertThat(problems).containsOnlyKeys(ConnectorSettings.KEY_CONVERTER, ConnectorSettings.VALUE_CONVERTER);
        assertThat(problems.get(ConnectorSettings.KEY_CONVERTER))
                .singleElement()
                .asString()
                .contains(ConnectorSettings.STRING_CONVERTER);
        assertThat(problems.get(ConnectorSettings.VALUE_CONVERTER))
                .singleElement()
                .asString()
                .contains(RoomwatchConverter.class.getName(), "JsonConverter");
    }

    @Test
    void exactlyOnce_needsConnectorDefinedTransactions_atLeastOnceDoesNot() {
        Map<String, String> props = valid(YAML);
        props.remove(ConnectorSettings.TRANSACTION_BOUNDARY);

        assertThat(ConnectorSettings.problems(props, ENV).get(ConnectorSettings.TRANSACTION_BOUNDARY))
                .singleElement()
                .asString()
                .contains("must be connector", "at-least-once");

        Map<String, String> atLeastOnce = valid(YAML.replace("kafka:\n", "kafka:\n  delivery: at-least-once\n"));
        atLeastOnce.remove(ConnectorSettings.TRANSACTION_BOUNDARY);
        assertThat(ConnectorSettings.problems(atLeastOnce, ENV)).isEmpty();
    }

    @Test
    void validate_putsEachMessageOnItsKey_andNeverEchoesASecret() {
        Map<String, String> props = valid(YAML.replace("appId: app-2", "appId: \"\""));
        props.remove(ConnectorSettings.KEY_CONVERTER);

        List<ConfigValue> values =
                new RoomwatchSourceConnector(ENV).validate(props).configValues();

        List<String> erroneous = values.stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .map(ConfigValue::name)
                .toList();
        assertThat(erroneous).containsExactlyInAnyOrder(ConnectorSettings.CONFIG, ConnectorSettings.KEY_CONVERTER);
        assertThat(values.stream().flatMap(v -> v.errorMessages().stream()))
                .noneSatisfy(message -> assertThat(message).contains("s3cr3t-sentinel"));
    }

    @Test
    void startWithABadConfiguration_failsListingEveryProblem() {
        RoomwatchSourceConnector connector = new RoomwatchSourceConnector(Map.of());

        assertThatThrownBy(() -> connector.start(valid(YAML)))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("VOLC_SECRET");
    }

    @Test
    void apps_areSpreadOverAtMostTasksMax_eachExactlyOnce() {
        assertThat(ConnectorSettings.assign(5, 2)).containsExactly(List.of(0, 2, 4), List.of(1, 3));
        assertThat(ConnectorSettings.assign(2, 5)).as("no idle task").containsExactly(List.of(0), List.of(1));
        for (int apps = 1; apps <= 12; apps++) {
            for (int max = 1; max <= 6; max++) {
                List<List<Integer>> assigned = ConnectorSettings.assign(apps, max);
                List<Integer> all = new ArrayList<>();
                assigned.forEach(all::addAll);
                assertThat(assigned).hasSize(Math.min(apps, max));
                assertThat(all)
                        .containsExactlyInAnyOrderElementsOf(
                                IntStream.range(0, apps).boxed().toList());
                int smallest = assigned.stream().mapToInt(List::size).min().orElseThrow();
                int largest = assigned.stream().mapToInt(List::size).max().orElseThrow();
                assertThat(largest - smallest).as("balanced").isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void taskConfigs_carryTheConnectorsPropertiesAndTheTasksApps() {
        RoomwatchSourceConnector connector = new RoomwatchSourceConnector(ENV);
        connector.start(valid(YAML));

        List<Map<String, String>> tasks = connector.taskConfigs(2);

        assertThat(tasks).hasSize(2);
        assertThat(tasks).allSatisfy(task -> assertThat(task).containsEntry(ConnectorSettings.CONFIG, YAML));
        assertThat(tasks.stream().map(ConnectorSettings::taskApps)).containsExactly(List.of(0, 2), List.of(1));
    }

    @Test
    void theConnector_declaresExactlyOnceAndItsOwnTransactionBoundaries() {
        RoomwatchSourceConnector connector = new RoomwatchSourceConnector(ENV);

        assertThat(connector.exactlyOnceSupport(valid(YAML)))
                .isEqualTo(org.apache.kafka.connect.source.ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(valid(YAML)))
                .isEqualTo(org.apache.kafka.connect.source.ConnectorTransactionBoundaries.SUPPORTED);
        assertThat(connector.taskClass()).isEqualTo(RoomwatchSourceTask.class);
    }
}
