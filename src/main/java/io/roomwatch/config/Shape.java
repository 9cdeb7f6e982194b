package io.roomwatch.config;

import io.roomwatch.config.Settings.Declared;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a node of the configuration file, derived from the records' declarations: the keys a section accepts,
 * what a list holds. Unknown keys are found with it and {@link EnvOverrides} finds keys case-insensitively with it, so
 * both agree with the records.
 *
 * @param kind what the node is
 * @param keys for a section, its keys in declaration order and their shapes
 * @param element for a list, the shape of its elements
 */
record Shape(Kind kind, Map<String, Shape> keys, @Nullable Shape element) {

    enum Kind {
        /** A single value: text, number, duration, ... */
        SCALAR,
        /** A section with a fixed set of keys. */
        SECTION,
        /** A section whose keys are free (Kafka client properties). */
        PROPERTIES,
        /** A list. */
        LIST
    }

    static final Shape SCALAR = new Shape(Kind.SCALAR, Map.of(), null);

    private static final ClassValue<Shape> RECORDS = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return record(type.asSubclass(Record.class), null);
        }
    };

    Shape {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** The keys of a record's section; for an app (a sealed source inside), those of every provider's apps. */
    static Shape of(Class<? extends Record> type) {
        return RECORDS.get(type);
    }

    /** The keys of a record's section whose sealed source is {@code source}: an app of one provider. */
    static Shape of(Class<? extends Record> type, Class<?> source) {
        return record(type, source);
    }

    /** The key of this section spelled {@code name} in any case. */
    Optional<String> key(String name) {
        return keys.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst();
    }

    private static Shape record(Class<? extends Record> type, @Nullable Class<?> source) {
        Shape shape = new Shape(Kind.SECTION, Map.of(), null);
        for (Declared d : Settings.of(type).all()) {
            shape = switch (d.kind()) {
                case SECTION -> d.inline()
                        ? shape.merge(of(d.type().asSubclass(Record.class)))
                        : shape.with(d.key(), of(d.type().asSubclass(Record.class)));
                case SOURCE -> shape.with(Binder.discriminator(d.type()), SCALAR)
                        .merge(sources(d.type(), source));
                case SECTIONS -> shape.with(d.key(), list(of(d.argument().asSubclass(Record.class))));
                case TEXTS -> shape.with(d.key(), list(SCALAR));
                case MAP -> shape.with(
                        d.key(),
                        d.argument().isEnum()
                                ? section(Values.spellings(d.argument()))
                                : new Shape(Kind.PROPERTIES, Map.of(), SCALAR));
                case VALUE -> shape.with(d.key(), SCALAR);
            };
        }
        return shape;
    }

    /** The keys of {@code source}, or of all the records of the sealed {@code type} (the first one's order first). */
    private static Shape sources(Class<?> type, @Nullable Class<?> source) {
        if (source != null) {
            return of(source.asSubclass(Record.class));
        }
        return Arrays.stream(type.getPermittedSubclasses())
                .map(record -> of(record.asSubclass(Record.class)))
                .reduce(new Shape(Kind.SECTION, Map.of(), null), Shape::merge);
    }

    private static Shape section(Iterable<String> scalarKeys) {
        Map<String, Shape> keys = new LinkedHashMap<>();
        scalarKeys.forEach(key -> keys.put(key, SCALAR));
        return new Shape(Kind.SECTION, keys, null);
    }

    private static Shape list(Shape element) {
        return new Shape(Kind.LIST, Map.of(), element);
    }

    /** This section with {@code shape} at {@code path} (dotted: in a sub-section). */
    private Shape with(String path, Shape shape) {
        int dot = path.indexOf('.');
        Map<String, Shape> more = new LinkedHashMap<>(keys);
        if (dot < 0) {
            more.put(path, shape);
        } else {
            Shape inner = keys.getOrDefault(path.substring(0, dot), new Shape(Kind.SECTION, Map.of(), null));
            more.put(path.substring(0, dot), inner.with(path.substring(dot + 1), shape));
        }
        return new Shape(kind, more, element);
    }

    /** This section with the keys of {@code other} added; sections under the same key are merged too. */
    private Shape merge(Shape other) {
        Map<String, Shape> more = new LinkedHashMap<>(keys);
        other.keys.forEach((key, shape) -> more.merge(
                key,
                shape,
                (mine, theirs) ->
                        mine.kind == Kind.SECTION && theirs.kind == Kind.SECTION ? mine.merge(theirs) : mine));
        return new Shape(kind, more, element);
    }
}
