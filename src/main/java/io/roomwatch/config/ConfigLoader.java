package io.roomwatch.config;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomwatch.model.AppKey;
import io.roomwatch.model.Provider;
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
 * applied to the tree; its keys are checked against the records' declarations ({@link Setting}); then each part of the
 * file (kafka, admin, log, callbacks, each app) is {@link Binder bound}: {@code ${NAME}} and {@code ${NAME:-default}} resolved,
 * every value parsed and checked against its declaration, defaults filled in, and Jackson binds the result into the
 * records, whose constructors check the rules between values. Problems are collected, not thrown at the first:
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
            problems.add("", "the file must be a section with the keys kafka, admin, log, callbacks and apps");
            return null;
        }
        EnvOverrides.apply(root, env, problems);
        Binder binder = new Binder(problems, new Placeholders(env));
        Shape file = Shape.of(RoomwatchConfig.class);
        binder.checkKeys(file, root, "", file, "");
        KafkaSinkConfig kafka = binder.bind(KafkaSinkConfig.class, root.get("kafka"), "kafka");
        AdminConfig admin = binder.bind(AdminConfig.class, root.get("admin"), "admin");
        LogConfig log = binder.bind(LogConfig.class, root.get("log"), "log");
        CallbacksConfig callbacks = binder.bind(CallbacksConfig.class, root.get("callbacks"), "callbacks");
        List<AppConfig> apps = apps(root.get("apps"), binder, problems);
        if (callbacks != null
                && callbacks.enabled()
                && !apps.isEmpty()
                && apps.stream().noneMatch(app -> app.callback().enabled())) {
            problems.add(
                    "callbacks.enabled",
                    "true, but no app has a callback.secret (the vendor's callback key or token): set one for each app"
                            + " that pushes");
        }
        if (kafka == null || admin == null || log == null || callbacks == null || !problems.isEmpty()) {
            return null;
        }
        return new RoomwatchConfig(kafka, admin, log, callbacks, apps);
    }

    private static List<AppConfig> apps(@Nullable JsonNode list, Binder binder, Problems problems) {
        if (list == null || list.isNull()) {
            String why =
                    Settings.of(RoomwatchConfig.class).get("apps").setting().missing();
            problems.add("apps", "missing (required: " + why + ")");
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(
                    "apps",
                    list.isArray() ? "must name at least one app" : "expected a list, was " + Values.describe(list));
            return List.of();
        }
        List<AppConfig> apps = new ArrayList<>();
        Map<AppKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            AppConfig app = app(list.get(i), "apps[" + i + "]", binder, problems);
            if (app == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(app.app(), i);
            if (first != null) {
                problems.add(
                        "apps[" + i + "] (" + app.app() + ")",
                        "same app as apps[" + first
                                + "]; each provider and app id may appear once (one transactional.id per app)");
            }
            apps.add(app);
        }
        return apps;
    }

    /** One entry of {@code apps}; its problems are located at {@code apps[0] (volcengine/661e0000543cf)}. */
    private static @Nullable AppConfig app(JsonNode entry, String where, Binder binder, Problems problems) {
        Shape any = Shape.of(AppConfig.class);
        if (!(entry instanceof ObjectNode app)) {
            problems.add(where, "expected a section of keys, was " + Values.describe(entry));
            return null;
        }
        Class<? extends Record> source = binder.source(SourceConfig.class, app, where);
        if (source == null) {
            binder.checkKeys(any, app, where, any, "");
            return null;
        }
        String provider = source.getAnnotation(JsonTypeName.class).value();
        String id = binder.peek(app, source == VolcengineSource.class ? "appId" : "sdkAppId");
        String label = where + " (" + provider + (id == null || id.isBlank() ? "" : "/" + id.trim()) + ")";
        binder.checkKeys(Shape.of(AppConfig.class, source), app, label, any, "not a setting of " + provider + " apps");
        // an app's poll defaults may depend on its provider (PollConfig.defaultsFor)
        JsonNode poll = app.get("poll");
        if (poll == null || poll.isNull() || poll.isObject()) {
            ObjectNode section = app.withObjectProperty("poll");
            PollConfig.providerDefaults(Provider.fromId(provider)).forEach((key, value) -> {
                if (!section.hasNonNull(key)) {
                    section.put(key, value);
                }
            });
        }
        return binder.bind(AppConfig.class, app, label);
    }
}
