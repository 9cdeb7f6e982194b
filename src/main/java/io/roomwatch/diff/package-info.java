/**
 * The pure core: turns an observation and the remembered state into events and the next state. No Reactor, no I/O,
 * no clock: {@link io.roomwatch.diff.SnapshotDiff} is a deterministic function of its arguments.
 */
@NullMarked
package io.roomwatch.diff;

import org.jspecify.annotations.NullMarked;
