/** A {@link io.roomwatch.state.SnapshotStore} in memory, for tests and runs without persistence. */
@NullMarked
package io.roomwatch.state.memory;

import org.jspecify.annotations.NullMarked;
