/**
 * Configuration records: immutable, validated in their compact constructors, changed only through {@code withX}
 * copies. A bad value fails at construction with a message naming the field. Secrets are {@link
 * io.roomwatch.config.Secret}s, masked in {@code toString()}.
 */
@NullMarked
package io.roomwatch.config;

import org.jspecify.annotations.NullMarked;
