/**
 * Configuration records: immutable, validated on construction, changed only through {@code withX} copies.
 */
@NullMarked
package io.roomwatch.config;

import org.jspecify.annotations.NullMarked;
