package io.roomwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.model.AppKey;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the YAML configuration file ({@code docs/configuration.md}) into a {@link RoomwatchConfig}, checking all of it
 * before anything starts.
 *
 * <p>In order: the YAML is parsed (every scalar kept as written); environment overrides {@code ROOMWATCH_<PATH>} are
 * applied to the tree; then every section is bound, resolving {@code ${NAME}} and {@code ${NAME:-default}} in values,
 * and built into the configuration records, whose own checks apply. Problems are collected, not thrown at the first:
 * a {@link ConfigException} lists them all, one line each, naming the key and the app ({@code apps[0]
 * (volcengine/661e0000543cf).poll.sweepInterval: must be positive, was -5s}). No line ever contains a secret's value.
 *
 * <pre>{@code
 * RoomwatchConfig config = ConfigLoader.load(Path.of("/etc/roomwatch/roomwatch.yml"), System.getenv());
 * }</pre>
 *
 * Nothing here reads the process environment itself: callers pass it (tests pass a map).
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /**
     * The configuration in {@code file}.
     *
     * @param env the environment: {@code ${NAME}} values and {@code ROOMWATCH_...} overrides
     * @throws ConfigException listing every problem, also when the file cannot be read
     */
    public static RoomwatchConfig load(Path file, Map<String, String> env) {
        return parse(read(file), env);
    }

    /**
     * The configuration in {@code yaml}, as {@link #load(Path, Map)} would read it from a file.
     *
     * @throws ConfigException listing every problem
     */
    public static RoomwatchConfig parse(String yaml, Map<String, String> env) {
        Problems problems = new Problems();
        RoomwatchConfig config = bind(yaml, env, problems);
        if (config == null || !problems.isEmpty()) {
            List<String> lines = problems.lines();
            throw new ConfigException(lines.isEmpty() ? List.of("invalid configuration") : lines);
        }
        return config;
    }

    /**
     * Checks {@code file} without starting anything: what {@code roomwatch validate} prints. Never throws for a bad
     * file; a valid one yields no problems and its {@link RoomwatchConfig#summary()}.
     */
    public static ConfigValidation validate(Path file, Map<String, String> env) {
        try {
            return new ConfigValidation(List.of(), load(file, env).summary());
        } catch (ConfigException e) {
            return new ConfigValidation(e.problems(), "");
        }
    }

    /** Like {@link #validate(Path, Map)}, for a configuration in a string. */
    public static ConfigValidation validate(String yaml, Map<String, String> env) {
        try {
            return new ConfigValidation(List.of(), parse(yaml, env).summary());
        } catch (ConfigException e) {
            return new ConfigValidation(e.problems(), "");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file"));
        } catch (MalformedInputException e) {
            throw new ConfigException(List.of(file + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigException(
                    List.of(file + ": cannot read (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private static @Nullable RoomwatchConfig bind(String yaml, Map<String, String> env, Problems problems) {
        JsonNode tree = YamlTree.read(yaml, problems);
        if (tree == null) {
            return null;
        }
        if (!(tree instanceof ObjectNode root)) {
            problems.add("", "the file must be a section with the keys kafka, admin, log and apps");
            return null;
        }
        EnvOverrides.apply(root, env, problems);
        Section file = new Section(root, "", problems, new Placeholders(env));
        file.checkKeys(Schema.ROOT);
        KafkaSinkConfig kafka = KafkaBinding.bind(file.section("kafka"));
        AdminConfig admin = admin(file.section("admin"));
        LogConfig log = log(file.section("log"));
        List<AppConfig> apps = apps(file);
        if (kafka == null || admin == null || log == null || !problems.isEmpty()) {
            return null;
        }
        return problems.build("", Map.of(), () -> new RoomwatchConfig(kafka, admin, log, apps));
    }

    private static @Nullable AdminConfig admin(Section admin) {
        admin.checkKeys(Schema.ROOT.keys().get("admin"));
        AdminConfig d = AdminConfig.defaults();
        String host = admin.text("host", d.host());
        int port = admin.integer("port", d.port());
        return admin.problems().build(admin.where(), Map.of(), () -> new AdminConfig(host, port));
    }

    private static LogConfig log(Section log) {
        log.checkKeys(Schema.ROOT.keys().get("log"));
        return new LogConfig(
                log.choice("format", KafkaBinding.ordered(LogFormat.TEXT, LogFormat.JSON), LogFormat.TEXT));
    }

    private static List<AppConfig> apps(Section file) {
        int before = file.problems().count();
        List<Section> entries = file.sections("apps");
        if (!file.has("apps")) {
            file.problems().add("apps", "missing (required: at least one app to watch)");
        } else if (entries.isEmpty() && file.problems().count() == before) {
            file.problems().add("apps", "must name at least one app");
        }
        List<AppConfig> apps = new ArrayList<>();
        Map<AppKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            AppConfig app = AppBinding.bind(entries.get(i));
            if (app == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(app.app(), i);
            if (first != null) {
                file.problems()
                        .add(
                                "apps[" + i + "] (" + app.app() + ")",
                                "same app as apps[" + first
                                        + "]; each provider and app id may appear once (one transactional.id per app)");
            }
            apps.add(app);
        }
        return apps;
    }
}
