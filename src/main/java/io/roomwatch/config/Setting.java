package io.roomwatch.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of a setting, on the component of its configuration record. It drives everything about the
 * setting: its key in the YAML file and in {@code ROOMWATCH_<PATH>} overrides, its default, its checks (when the file
 * is loaded and in the record's constructor), and its row in the reference of {@code docs/configuration.md}, which
 * {@code ConfigReferenceTest} regenerates from these declarations. Values are written as in the file: {@code "10s"},
 * {@code "8MiB"}, {@code "roomwatch.events"}.
 *
 * <pre>{@code
 * @Setting(value = "10s", min = ">0", doc = "Time between the starts of two room sweeps.") Duration sweepInterval,
 * }</pre>
 *
 * A component holding another record (a section such as {@code http}) needs no declaration: its keys are its
 * record's, and an absent section takes its record's defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /** {@link #value()}: no default, the file must set it. */
    String REQUIRED = "\0required";

    /** {@link #value()}: no default; when absent the component is {@code null} and the record decides (see doc). */
    String OPTIONAL = "\0optional";

    /** The default, as written in the file, or {@link #REQUIRED} or {@link #OPTIONAL}. */
    String value() default REQUIRED;

    /** The key if it is not the component's name; a dotted key is in a sub-section ({@code qps.listRoomInfo}). */
    String key() default "";

    /** For a record component: its keys are written in this section itself, not in a sub-section. */
    boolean inline() default false;

    /** The least value, as written in the file; {@code ">0"} for "positive". */
    String min() default "";

    /** The greatest value, as written in the file. */
    String max() default "";

    /** {@link #max()} is the vendor's documented limit, in requests per second. */
    boolean documentedLimit() default false;

    /** A whole number of bytes, also written with a unit: {@code 512KiB}, {@code 8MiB}, {@code 1GiB}. */
    boolean bytes() default false;

    /** A text that may also be written as a list, joined with commas (Kafka's {@code bootstrap.servers}). */
    boolean list() default false;

    /** A rule beyond {@link #min()} and {@link #max()}: a class with a no-argument constructor. */
    Class<? extends Check<?>> check() default Check.None.class;

    /** What the file should say when the setting is missing: {@code missing (required: <this>)}. */
    String missing() default "";

    /** One line for the reference: meaning, unit, what an absent value means. */
    String doc() default "";
}
