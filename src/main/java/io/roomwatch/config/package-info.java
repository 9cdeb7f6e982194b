/**
 * Configuration as immutable records. Each record validates itself in its compact constructor, so a bad value fails
 * before anything starts, with a message naming the field; variants are derived with {@code withX} copies.
 */
@NullMarked
package io.roomwatch.config;

import org.jspecify.annotations.NullMarked;
