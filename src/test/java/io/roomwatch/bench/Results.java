package io.roomwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of a benchmark run: each row is printed as it is recorded, and {@link #write()} merges the rows into
 * {@code target/bench/results.json} (rows of earlier runs with other ids are kept, so benchmarks can be run one by
 * one) and renders {@code target/bench/results.md}.
 */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One figure.
     *
     * @param id stable key, e.g. {@code emitter.ratio}
     * @param figure what is measured, for people
     * @param target the target, for people ("-" if none)
     * @param measured the measured value, for people
     * @param met whether the target is met; null when there is no target or the run was too small to judge it
     * @param details sizes, durations, raw numbers
     */
    public record Row(
            String id,
            String figure,
            String target,
            String measured,
            @Nullable Boolean met,
            Map<String, Object> details) {}

    private final Path dir;
    private final String size;
    private final List<Row> rows = new ArrayList<>();

    public Results(Path dir, String size) {
        this.dir = dir;
        this.size = size;
    }

    public synchronized Row add(
            String id,
            String figure,
            String target,
            String measured,
            @Nullable Boolean met,
            Map<String, Object> details) {
        Row row = new Row(id, figure, target, measured, met, new LinkedHashMap<>(details));
        rows.add(row);
        String verdict = met == null ? "" : met ? "  [target met]" : "  [TARGET MISSED]";
        System.out.printf(Locale.ROOT, "RESULT %-34s %s (target %s)%s%n", id, measured, target, verdict);
        return row;
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public Path dir() {
        return dir;
    }

    /** Merges this run's rows into results.json and renders results.md. */
    public synchronized void write() {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("results.json");
            ObjectNode all = Files.exists(json) ? (ObjectNode) JSON.readTree(json.toFile()) : JSON.createObjectNode();
            ObjectNode byId = all.has("rows") ? (ObjectNode) all.get("rows") : all.putObject("rows");
            for (Row row : rows) {
                ObjectNode node = JSON.valueToTree(row);
                node.put("size", size);
                node.put("date", Instant.now().toString());
                node.set("machine", JSON.valueToTree(machine()));
                byId.set(row.id(), node);
            }
            JSON.writeValue(json.toFile(), all);
            Files.writeString(dir.resolve("results.md"), markdown(byId), StandardCharsets.UTF_8);
            System.out.println("results written to " + json.toAbsolutePath() + " and results.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(ObjectNode byId) {
        StringBuilder md = new StringBuilder();
        md.append("| figure | target | measured | met | size | machine |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> entry : byId.properties()) {
            JsonNode row = entry.getValue();
            JsonNode met = row.get("met");
            JsonNode m = row.get("machine");
            md.append("| ")
                    .append(row.path("figure").asText())
                    .append(" | ")
                    .append(row.path("target").asText())
                    .append(" | ")
                    .append(row.path("measured").asText())
                    .append(" | ")
                    .append(met == null || met.isNull() ? "-" : met.asBoolean() ? "yes" : "**no**")
                    .append(" | ")
                    .append(row.path("size").asText())
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT,
                            "%d cores, JDK %s, load %.2f",
                            m.path("cores").asInt(),
                            m.path("jdk").asText(),
                            m.path("loadAverage").asDouble()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The machine as the JVM sees it now: cores, memory, JDK, 1-minute load average. */
    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("jdk", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }

    /** Formats with a dot, whatever the locale. */
    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
