/**
 * Configuration as immutable records. Each setting is declared once, on its record component ({@link
 * io.roomwatch.config.Setting}): key, default, limits, meaning. The declarations drive loading ({@link
 * io.roomwatch.config.ConfigLoader}, Jackson binding into the records), each record's compact-constructor checks and
 * the reference of {@code docs/configuration.md}. Variants are derived with {@code withX} copies.
 */
@NullMarked
package io.roomwatch.config;

import org.jspecify.annotations.NullMarked;
