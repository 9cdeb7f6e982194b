package io.roomwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomwatch.config.Settings.Declared;
import io.roomwatch.config.Settings.Kind;
import io.roomwatch.model.Provider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference of {@code docs/configuration.md} is generated from the {@link Setting} declarations: this test fails
 * when the two disagree. {@code mvn test -Dtest=ConfigReferenceTest -Dconfig.reference.write=true} rewrites it.
 */
class ConfigReferenceTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final String BEGIN =
            "<!-- reference: generated from the @Setting declarations by ConfigReferenceTest; do not edit -->\n";
    private static final String END = "<!-- end of reference -->\n";

    @Test
    void givenDeclarations_whenRendered_thenTheDocumentedReferenceIsTheSame() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc).contains(BEGIN, END);
        String generated = doc.substring(0, doc.indexOf(BEGIN) + BEGIN.length()) + render() + "\n"
                + doc.substring(doc.indexOf(END));
        if (Boolean.getBoolean("config.reference.write")) {
            Files.writeString(DOC, generated);
            doc = generated;
        }

        assertThat(doc)
                .as("docs/configuration.md is out of date: mvn test -Dtest=ConfigReferenceTest"
                        + " -Dconfig.reference.write=true")
                .isEqualTo(generated);
    }

    @Test
    void givenEverySetting_whenDeclared_thenItHasADocLine() {
        List<String> undocumented = new ArrayList<>();
        records(RoomwatchConfig.class, new HashSet<>()).forEach(type -> Settings.of(type).all().stream()
                .filter(d -> d.setting().doc().isBlank() && d.kind() != Kind.SECTION)
                .forEach(d -> undocumented.add(type.getSimpleName() + "." + d.name())));

        assertThat(undocumented).isEmpty();
    }

    /** The reference: a heading and a table per section, in the order of the records' components. */
    static String render() {
        StringBuilder out = new StringBuilder();
        Set<Class<?>> done = new HashSet<>();
        for (Declared d : Settings.of(RoomwatchConfig.class).all()) {
            if (d.kind() == Kind.SECTIONS) {
                Class<? extends Record> element = d.argument().asSubclass(Record.class);
                section(
                        out,
                        "### `" + d.key() + "[]` (`" + element.getSimpleName() + "`)",
                        d.setting().doc(),
                        element);
                nested(out, element, d.key() + "[]", done);
            } else {
                Class<? extends Record> type = d.type().asSubclass(Record.class);
                section(out, "### `" + d.key() + "` (`" + type.getSimpleName() + "`)", "", type);
                nested(out, type, d.key(), done);
            }
        }
        return out.toString();
    }

    /** The sections below {@code type}: one per sealed record (by provider), then each nested record once. */
    private static void nested(StringBuilder out, Class<? extends Record> type, String path, Set<Class<?>> done) {
        for (Declared d : Settings.of(type).all()) {
            if (d.kind() == Kind.SOURCE) {
                for (var source : Binder.sources(d.type()).entrySet()) {
                    String records = inline(source.getValue()).stream()
                            .map(record -> "`" + record.getSimpleName() + "`")
                            .collect(Collectors.joining(", "));
                    String heading =
                            "#### `" + Binder.discriminator(d.type()) + ": " + source.getKey() + "` (" + records + ")";
                    section(out, heading, "", source.getValue());
                }
                for (var source : Binder.sources(d.type()).values()) {
                    nested(out, source, path, done);
                }
            } else if (d.kind() == Kind.SECTION && !d.inline() && done.add(d.type())) {
                Class<? extends Record> child = d.type().asSubclass(Record.class);
                section(out, "#### `" + path + "." + d.key() + "` (`" + child.getSimpleName() + "`)", "", child);
                nested(out, child, path + "." + d.key(), done);
            }
        }
    }

    private static void section(StringBuilder out, String heading, String intro, Class<? extends Record> type) {
        out.append('\n').append(heading).append("\n\n");
        if (!intro.isEmpty()) {
            out.append(intro).append("\n\n");
        }
        List<String> rows = new ArrayList<>();
        rows(type, rows);
        if (rows.isEmpty()) {
            return;
        }
        out.append("| Key | Type | Default | Limits | Meaning |\n|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
    }

    /** One row per setting of this section, inline records' included; sections have their own table. */
    private static void rows(Class<? extends Record> type, List<String> rows) {
        for (Declared d : Settings.of(type).all()) {
            if (d.kind() == Kind.SECTION && d.inline()) {
                rows(d.type().asSubclass(Record.class), rows);
            } else if (d.kind() == Kind.SOURCE) {
                String names = Binder.sources(d.type()).keySet().stream()
                        .map(name -> "`" + name + "`")
                        .collect(Collectors.joining(" \\| "));
                rows.add(row(
                        "`" + Binder.discriminator(d.type()) + "`",
                        names,
                        "required",
                        "",
                        d.setting().doc()));
            } else if (d.kind() != Kind.SECTION && d.kind() != Kind.SECTIONS) {
                rows.add(row(
                        "`" + d.key() + "`",
                        type(d),
                        fallback(type, d),
                        limits(d),
                        d.setting().doc()));
            }
        }
    }

    private static String row(String key, String type, String fallback, String limits, String meaning) {
        return "| " + String.join(" | ", key, type, fallback, limits, meaning.replace("|", "\\|")) + " |";
    }

    private static String type(Declared d) {
        Class<?> type = d.type();
        if (d.kind() == Kind.TEXTS) {
            return "list of text";
        }
        if (d.kind() == Kind.MAP) {
            return "section of text";
        }
        if (type.isEnum()) {
            return Values.spellings(type).stream().map(name -> "`" + name + "`").collect(Collectors.joining(" \\| "));
        }
        if (d.setting().bytes()) {
            return "size";
        }
        if (type == String.class) {
            return d.setting().list() ? "text or list" : "text";
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (type == double.class) {
            return "decimal";
        }
        if (type == URI.class) {
            return "URL";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return type == Secret.class ? "secret" : "number";
    }

    private static String fallback(Class<? extends Record> type, Declared d) {
        String value = d.setting().value();
        if (value.equals(Setting.REQUIRED)) {
            return "required";
        }
        if (value.equals(Setting.OPTIONAL)) {
            return "unset";
        }
        if (value.equals("{}")) {
            return "none";
        }
        String differing = type != PollConfig.class
                ? ""
                : Arrays.stream(Provider.values())
                        .filter(provider ->
                                PollConfig.providerDefaults(provider).containsKey(d.key()))
                        .map(provider -> " (`"
                                + PollConfig.providerDefaults(provider).get(d.key()) + "` for `" + provider.id() + "`)")
                        .collect(Collectors.joining());
        return "`" + value + "`" + differing;
    }

    private static String limits(Declared d) {
        String min = d.setting().min();
        String max = d.setting().max();
        String limits = d.positive()
                ? max.isEmpty() ? "> 0" : "> 0, ≤ " + max
                : !min.isEmpty() && !max.isEmpty()
                        ? min + "–" + max
                        : !min.isEmpty() ? "≥ " + min : max.isEmpty() ? "" : "≤ " + max;
        return d.setting().documentedLimit() ? limits + " (documented limit)" : limits;
    }

    /** A record and the records whose keys it writes in its own section. */
    private static List<Class<?>> inline(Class<? extends Record> type) {
        List<Class<?>> out = new ArrayList<>(List.of(type));
        Settings.of(type).all().stream()
                .filter(d -> d.kind() == Kind.SECTION && d.inline())
                .forEach(d -> out.add(d.type()));
        return out;
    }

    /** Every configuration record reachable from {@code type}. */
    private static Set<Class<? extends Record>> records(
            Class<? extends Record> type, Set<Class<? extends Record>> seen) {
        if (seen.add(type)) {
            for (Declared d : Settings.of(type).all()) {
                if (d.kind() == Kind.SECTION) {
                    records(d.type().asSubclass(Record.class), seen);
                } else if (d.kind() == Kind.SECTIONS) {
                    records(d.argument().asSubclass(Record.class), seen);
                } else if (d.kind() == Kind.SOURCE) {
                    Binder.sources(d.type()).values().forEach(source -> records(source, seen));
                }
            }
        }
        return seen;
    }
}
