package io.roomwatch.config;

import java.util.function.BiConsumer;

/**
 * A rule of one setting beyond its declared range ({@link Setting#check()}): a set of names, keys that may not be
 * used. Runs when the file is loaded and in the record's constructor.
 *
 * @param <T> the setting's type
 */
public interface Check<T> {

    /**
     * Reports each way {@code value} breaks the rule.
     *
     * @param problem takes the key the problem is at, relative to the setting ({@code ""} for the setting itself),
     *     and the problem, e.g. {@code unknown region 'mars', expected one of china, ...}
     */
    void check(T value, BiConsumer<String, String> problem);

    /** No rule. */
    final class None implements Check<Object> {
        @Override
        public void check(Object value, BiConsumer<String, String> problem) {}
    }
}
