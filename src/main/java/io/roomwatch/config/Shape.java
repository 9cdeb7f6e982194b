package io.roomwatch.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a node of the configuration tree: the keys a section accepts, what a list holds. The binders check
 * unknown keys against it and {@link EnvOverrides} finds keys case-insensitively with it, so both agree.
 *
 * @param kind what the node is
 * @param keys for a section, its keys in documentation order and their shapes
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
    static final Shape PROPERTIES = new Shape(Kind.PROPERTIES, Map.of(), SCALAR);
    static final Shape SCALARS = new Shape(Kind.LIST, Map.of(), SCALAR);

    Shape {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** A section with these scalar keys. */
    static Shape section(String... scalarKeys) {
        Map<String, Shape> keys = new LinkedHashMap<>();
        for (String key : scalarKeys) {
            keys.put(key, SCALAR);
        }
        return new Shape(Kind.SECTION, keys, null);
    }

    static Shape list(Shape element) {
        return new Shape(Kind.LIST, Map.of(), element);
    }

    /** This section with one more key. */
    Shape with(String key, Shape shape) {
        Map<String, Shape> more = new LinkedHashMap<>(keys);
        more.put(key, shape);
        return new Shape(kind, more, element);
    }

    /** This section with the keys of {@code other} added (first one wins on a clash). */
    Shape merge(Shape other) {
        Map<String, Shape> more = new LinkedHashMap<>(keys);
        other.keys.forEach(more::putIfAbsent);
        return new Shape(kind, more, element);
    }

    /** The key of this section spelled {@code name} in any case. */
    Optional<String> key(String name) {
        return keys.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst();
    }
}
