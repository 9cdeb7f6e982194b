package io.roomwatch.connect;

import io.roomwatch.config.ConfigException;
import io.roomwatch.config.ConfigLoader;
import io.roomwatch.config.DeliveryMode;
import io.roomwatch.config.RoomwatchConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;
import org.jspecify.annotations.Nullable;

/**
 * The connector's own keys, and how its configuration becomes roomwatch's: the same YAML as {@code roomwatch run},
 * inline ({@value #CONFIG}) or by path ({@value #CONFIG_FILE}), read by {@link ConfigLoader} with the worker's
 * environment ({@code ${NAME}}, {@code ROOMWATCH_<PATH>} overrides), so every mistake is one line naming the key and
 * the app, as {@code roomwatch validate} prints it. Connect's own keys ({@code tasks.max}, converters, {@code
 * transaction.boundary}, ...) stay Connect's; the ones roomwatch depends on are checked too ({@link #problems}).
 */
final class ConnectorSettings {

    /** The roomwatch YAML, inline. A password type, so that Connect masks it where it logs configurations. */
    static final String CONFIG = "roomwatch.config";

    static final String CONFIG_FILE = "roomwatch.config.file";

    /** Set by the connector in each task's configuration: the indexes in {@code apps} of the task's apps. */
    static final String TASK_APPS = "roomwatch.task.apps";

    static final String KEY_CONVERTER = "key.converter";
    static final String VALUE_CONVERTER = "value.converter";
    static final String TRANSACTION_BOUNDARY = "transaction.boundary";
    static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

    static final ConfigDef DEF = new ConfigDef()
            .define(
                    CONFIG,
                    Type.PASSWORD,
                    null,
                    Importance.HIGH,
                    "The roomwatch configuration, YAML as in `roomwatch run -c` (docs/configuration.md), inline. Give"
                            + " this or " + CONFIG_FILE + ". `${NAME}` takes the worker's environment variable NAME.",
                    "roomwatch",
                    1,
                    ConfigDef.Width.LONG,
                    "roomwatch configuration (YAML)")
            .define(
                    CONFIG_FILE,
                    Type.STRING,
                    null,
                    Importance.HIGH,
                    "A path, on every worker, to the roomwatch configuration file. Give this or " + CONFIG + ".",
                    "roomwatch",
                    2,
                    ConfigDef.Width.LONG,
                    "roomwatch configuration file");

    private ConnectorSettings() {}

    /** The roomwatch configuration, or the problems that prevent reading it, by the connector key holding it. */
    record Loaded(@Nullable RoomwatchConfig config, String key, List<String> problems) {}

    /** Reads the roomwatch configuration the connector's properties name; never throws for a bad one. */
    static Loaded read(Map<String, String> props, Map<String, String> env) {
        String inline = props.get(CONFIG);
        String file = props.get(CONFIG_FILE);
        boolean hasInline = inline != null && !inline.isBlank();
        boolean hasFile = file != null && !file.isBlank();
        if (hasInline && hasFile) {
            return new Loaded(null, CONFIG, List.of(CONFIG + ": give this or " + CONFIG_FILE + ", not both"));
        }
        if (!hasInline && !hasFile) {
            return new Loaded(
                    null,
                    CONFIG,
                    List.of(CONFIG + ": missing (required: the roomwatch YAML, or a path to it in " + CONFIG_FILE
                            + ")"));
        }
        String key = hasInline ? CONFIG : CONFIG_FILE;
        try {
            RoomwatchConfig config =
                    hasInline ? ConfigLoader.parse(inline, env) : ConfigLoader.load(Path.of(file.trim()), env);
            return new Loaded(config, key, List.of());
        } catch (ConfigException e) {
            // each line names the connector key it comes from: roomwatch.config: apps[0] (...).appId: ...
            return new Loaded(
                    null,
                    key,
                    e.problems().stream().map(line -> key + ": " + line).toList());
        }
    }

    /**
     * The roomwatch configuration the connector's properties name.
     *
     * @throws org.apache.kafka.common.config.ConfigException listing every problem, one line each
     */
    static RoomwatchConfig load(Map<String, String> props, Map<String, String> env) {
        Loaded loaded = read(props, env);
        if (loaded.config() == null) {
            throw new org.apache.kafka.common.config.ConfigException("invalid roomwatch configuration ("
                    + loaded.problems().size() + (loaded.problems().size() == 1 ? " problem" : " problems")
                    + "):\n  " + String.join("\n  ", loaded.problems()));
        }
        return loaded.config();
    }

    /**
     * Every problem of the connector's properties, by the key to fix: the roomwatch configuration's lines under the key
     * that holds it, and the Connect settings roomwatch depends on (the converters; {@code
     * transaction.boundary=connector} for exactly-once delivery).
     */
    static Map<String, List<String>> problems(Map<String, String> props, Map<String, String> env) {
        Map<String, List<String>> problems = new HashMap<>();
        Loaded loaded = read(props, env);
        RoomwatchConfig config = loaded.config();
        if (config == null) {
            problems.put(loaded.key(), new ArrayList<>(loaded.problems()));
        }
        require(props, KEY_CONVERTER, STRING_CONVERTER, "the record keys are text (provider/appId/roomId)", problems);
        require(
                props,
                VALUE_CONVERTER,
                RoomwatchConverter.class.getName(),
                "it writes the events (the contract's JSON, or another converter's format) and passes the state"
                        + " records through",
                problems);
        if (config != null
                && config.kafka().deliveryMode() == DeliveryMode.EXACTLY_ONCE
                && !"connector".equals(props.get(TRANSACTION_BOUNDARY))) {
            problems.computeIfAbsent(TRANSACTION_BOUNDARY, k -> new ArrayList<>())
                    .add(TRANSACTION_BOUNDARY
                            + ": must be connector for kafka.delivery exactly-once (one transaction per"
                            + " batch), was " + props.getOrDefault(TRANSACTION_BOUNDARY, "poll (the default)")
                            + "; or set kafka.delivery: at-least-once");
        }
        return problems;
    }

    private static void require(
            Map<String, String> props, String key, String value, String why, Map<String, List<String>> problems) {
        String given = props.get(key);
        if (given == null || !given.trim().equals(value)) {
            problems.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(key + ": must be " + value + " (" + why + "), was "
                            + (given == null ? "not set (the worker's default)" : given));
        }
    }

    /** {@link #problems} as Connect's validation results, added to {@code values}. */
    static void report(Map<String, List<String>> problems, List<ConfigValue> values) {
        problems.forEach((key, lines) -> {
            ConfigValue value = values.stream()
                    .filter(v -> v.name().equals(key))
                    .findFirst()
                    .orElseGet(() -> {
                        ConfigValue added = new ConfigValue(key);
                        values.add(added);
                        return added;
                    });
            lines.forEach(value::addErrorMessage);
        });
    }

    /**
     * The apps of each task: app {@code i} goes to task {@code i mod n}, with {@code n} = the smaller of {@code
     * maxTasks} and the number of apps. Deterministic, so every worker computes the same assignment.
     */
    static List<List<Integer>> assign(int apps, int maxTasks) {
        int tasks = Math.max(1, Math.min(apps, maxTasks));
        List<List<Integer>> assigned = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int task = t;
            assigned.add(IntStream.range(0, apps)
                    .filter(i -> i % tasks == task)
                    .boxed()
                    .toList());
        }
        return assigned;
    }

    /** The task configurations: the connector's properties plus each task's app indexes. */
    static List<Map<String, String>> taskConfigs(Map<String, String> props, int apps, int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<Integer> indexes : assign(apps, maxTasks)) {
            Map<String, String> task = new HashMap<>(props);
            task.put(TASK_APPS, indexes.stream().map(String::valueOf).collect(Collectors.joining(",")));
            configs.add(task);
        }
        return configs;
    }

    /** The app indexes of a task's configuration. */
    static List<Integer> taskApps(Map<String, String> props) {
        String apps = props.get(TASK_APPS);
        if (apps == null || apps.isBlank()) {
            throw new IllegalArgumentException(TASK_APPS + " is missing: task configurations come from the connector");
        }
        return java.util.Arrays.stream(apps.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }
}
