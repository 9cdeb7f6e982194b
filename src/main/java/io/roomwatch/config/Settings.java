package io.roomwatch.config;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one configuration record as its components declare them ({@link Setting}), read once per record
 * class. They give the record its checks ({@link #check}), its defaults ({@link #build}) and its copies ({@link
 * #with}); the loader its keys, defaults and checks; {@code ConfigReferenceTest} the reference.
 *
 * @param <R> the record
 */
final class Settings<R extends Record> {

    private static final ClassValue<Settings<?>> ALL = new ClassValue<>() {
        @Override
        protected Settings<?> computeValue(Class<?> type) {
            return new Settings<>(type.asSubclass(Record.class));
        }
    };

    private final Class<R> type;
    private final List<Declared> declared;
    private final Constructor<R> constructor;

    private Settings(Class<R> type) {
        this.type = type;
        this.declared =
                Arrays.stream(type.getRecordComponents()).map(Declared::of).toList();
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record has its canonical constructor", e);
        }
    }

    static <R extends Record> Settings<R> of(Class<R> type) {
        @SuppressWarnings("unchecked") // ALL maps each class to its own Settings
        Settings<R> settings = (Settings<R>) ALL.get(type);
        return settings;
    }

    /** Every component, in declaration order. */
    List<Declared> all() {
        return declared;
    }

    /** The component {@code name}. */
    Declared get(String name) {
        return declared.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no setting " + name));
    }

    /**
     * The record from these components; every other one at its default.
     *
     * @param given component values by name
     * @param defaults default texts by component name where they differ from the declared ones
     */
    R build(Map<String, ?> given, Map<String, String> defaults) {
        Object[] args = new Object[declared.size()];
        for (int i = 0; i < args.length; i++) {
            Declared d = declared.get(i);
            args[i] = given.containsKey(d.name())
                    ? given.get(d.name())
                    : d.defaultValue(defaults.getOrDefault(d.name(), d.setting().value()));
        }
        return construct(args);
    }

    /** {@code record} with component {@code name} replaced: what {@code withX} methods are made of. */
    static <R extends Record> R with(R record, String name, @Nullable Object value) {
        @SuppressWarnings("unchecked") // a record's class is a Class of its own type
        Settings<R> settings = of((Class<R>) record.getClass());
        Object[] args = new Object[settings.declared.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = settings.declared.get(i).value(record);
        }
        args[settings.declared.indexOf(settings.get(name))] = value;
        return settings.construct(args);
    }

    /**
     * Checks the components of a {@code type} being constructed, in declaration order, against their declarations:
     * what a compact constructor calls first. A call that does not pass every component, in order, fails at once.
     *
     * @throws IllegalArgumentException at the first problem, naming the component
     */
    static void check(Class<? extends Record> type, @Nullable Object... values) {
        List<Declared> declared = of(type).declared;
        if (values.length != declared.size()) {
            throw new IllegalStateException(type.getSimpleName() + " checks " + values.length + " values, it has "
                    + declared.size() + " components");
        }
        for (int i = 0; i < values.length; i++) {
            Declared d = declared.get(i);
            Object value = values[i];
            if (value != null
                    && !MethodType.methodType(d.type()).wrap().returnType().isInstance(value)) {
                throw new IllegalStateException(type.getSimpleName() + " checks a "
                        + value.getClass().getSimpleName() + " as " + d.name() + ": not in declaration order");
            }
            if (value == null) {
                if (!d.optional()) {
                    throw new IllegalArgumentException(d.name() + ": missing (required)");
                }
                continue;
            }
            d.problems(value, (key, problem) -> {
                throw new IllegalArgumentException(Problems.join(d.name(), key) + ": " + problem);
            });
        }
    }

    private R construct(@Nullable Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("constructing " + type.getSimpleName(), e);
        }
    }

    /** What a component holds, which decides how it is read from the file. */
    enum Kind {
        /** One value: text, number, duration, size, URL, secret, choice. */
        VALUE,
        /** A list of texts. */
        TEXTS,
        /** A section of free keys with text values (Kafka client properties, routes). */
        MAP,
        /** Another record: a section of its own, or its keys inline. */
        SECTION,
        /** One of the sealed records of an interface, chosen by {@code provider}; its keys are inline. */
        SOURCE,
        /** A list of records. */
        SECTIONS
    }

    /**
     * One component and its declaration.
     *
     * @param min the least value, or {@code null}; with {@link #positive()} the least value is anything above zero
     * @param max the greatest value, or {@code null}
     * @param rule the declared {@link Check}
     */
    record Declared(
            RecordComponent component,
            Setting setting,
            Kind kind,
            @Nullable Comparable<Object> min,
            @Nullable Comparable<Object> max,
            Check<Object> rule) {

        /** The declaration of a component that has none (a section): every attribute at its default. */
        private static final Setting UNDECLARED =
                Undeclared.class.getRecordComponents()[0].getAnnotation(Setting.class);

        private record Undeclared(@Setting int value) {}

        static Declared of(RecordComponent component) {
            Setting setting = component.getAnnotation(Setting.class);
            setting = setting == null ? UNDECLARED : setting;
            Kind kind = kind(component);
            try {
                @SuppressWarnings("unchecked") // the declaration names a Check of this component's type
                Check<Object> rule =
                        (Check<Object>) setting.check().getDeclaredConstructor().newInstance();
                return new Declared(
                        component,
                        setting,
                        kind,
                        bound(component, setting, setting.min()),
                        bound(component, setting, setting.max()),
                        rule);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a Check has a no-argument constructor", e);
            }
        }

        String name() {
            return component.getName();
        }

        Class<?> type() {
            return component.getType();
        }

        /** Where it is in its record's section: a key, or a dotted path to one in a sub-section. */
        String key() {
            return setting.key().isEmpty() ? name() : setting.key();
        }

        boolean inline() {
            return setting.inline() || kind == Kind.SOURCE;
        }

        boolean optional() {
            return setting.value().equals(Setting.OPTIONAL);
        }

        boolean positive() {
            return setting.min().equals(">0");
        }

        /** The type of a list's elements or of a map's keys. */
        Class<?> argument() {
            return (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        }

        @Nullable
        Object value(Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + name(), e);
            }
        }

        /** Reports each problem of a present value; {@code problem} takes a key relative to this one. */
        void problems(Object value, BiConsumer<String, String> problem) {
            if (value instanceof String text && text.isBlank()) {
                problem.accept("", "must not be empty");
                return;
            }
            if (value instanceof URI url && !isHttpUrl(url)) {
                problem.accept("", "must be an absolute http(s) URL, was " + url);
                return;
            }
            String range = range(value);
            if (range != null) {
                problem.accept("", range);
                return;
            }
            rule.check(value, problem);
        }

        /** The default for {@code text} as declared: a value, an empty map, a section's defaults, or {@code null}. */
        @Nullable
        Object defaultValue(String text) {
            if (kind == Kind.SECTION && !inline()) {
                return Settings.of(type().asSubclass(Record.class)).build(Map.of(), Map.of());
            }
            if (text.equals(Setting.OPTIONAL)) {
                return null;
            }
            if (text.equals(Setting.REQUIRED)) {
                throw new IllegalArgumentException(name() + ": missing (required)");
            }
            if (kind == Kind.MAP) {
                return Map.of();
            }
            Object value = Values.parse(type(), setting.bytes(), text);
            if (value == null) {
                throw new IllegalStateException(name() + " declares a default that is not valid: " + text);
            }
            return value;
        }

        private @Nullable String range(Object value) {
            if (!(value instanceof Comparable<?>) || min == null && max == null && !positive()) {
                return null;
            }
            @SuppressWarnings("unchecked") // min and max are of the component's type, as value is; sizes are longs
            Comparable<Object> comparable =
                    (Comparable<Object>) (setting.bytes() ? (Object) ((Number) value).longValue() : value);
            boolean low = positive() ? !isPositive(value) : min != null && comparable.compareTo(min) < 0;
            boolean high = max != null && comparable.compareTo(max) > 0;
            String was = Values.format(value, setting.bytes());
            if (setting.documentedLimit() && high) {
                return was + " is above the documented limit of " + setting.max() + "/s";
            }
            if (!low && !high) {
                return null;
            }
            if (positive()) {
                return low ? "must be positive, was " + was : "must be at most " + setting.max() + ", was " + was;
            }
            if (min != null && max != null) {
                return "must be in [" + setting.min() + ", " + setting.max() + "], was " + was;
            }
            return min != null
                    ? "must be >= " + setting.min() + ", was " + was
                    : "must be <= " + setting.max() + ", was " + was;
        }

        private static boolean isPositive(Object value) {
            return value instanceof Duration duration
                    ? !duration.isNegative() && !duration.isZero()
                    : ((Number) value).doubleValue() > 0;
        }

        private static boolean isHttpUrl(URI url) {
            return ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null;
        }

        private static @Nullable Comparable<Object> bound(RecordComponent component, Setting setting, String text) {
            if (text.isEmpty() || text.equals(">0")) {
                return null;
            }
            Object bound = setting.bytes() ? Values.bytes(text) : Values.parse(component.getType(), false, text);
            if (!(bound instanceof Comparable<?>)) {
                throw new IllegalStateException(component.getName() + " declares a limit that is not valid: " + text);
            }
            @SuppressWarnings("unchecked") // boxed numbers and durations compare with their own type
            Comparable<Object> comparable = (Comparable<Object>) bound;
            return comparable;
        }

        private static Kind kind(RecordComponent component) {
            Class<?> type = component.getType();
            if (type.isRecord()) {
                return Kind.SECTION;
            }
            if (type.isSealed()) {
                return Kind.SOURCE;
            }
            if (type == Map.class) {
                return Kind.MAP;
            }
            if (type == List.class) {
                Class<?> element =
                        (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                return element.isRecord() ? Kind.SECTIONS : Kind.TEXTS;
            }
            return Kind.VALUE;
        }
    }
}
