/**
 * The operations endpoint: Prometheus metrics and health checks over HTTP, bound to loopback by default.
 */
@NullMarked
package io.roomwatch.admin;

import org.jspecify.annotations.NullMarked;
