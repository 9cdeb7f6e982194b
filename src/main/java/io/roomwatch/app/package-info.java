/**
 * The composition root: the command line ({@link io.roomwatch.app.Main}), the wiring of configured apps into pollers,
 * sink, store and admin endpoint ({@link io.roomwatch.app.PollerApp}), and the one-command demo. The only package that
 * reads the wall clock, blocks, subscribes at the top and prints.
 */
@NullMarked
package io.roomwatch.app;

import org.jspecify.annotations.NullMarked;
