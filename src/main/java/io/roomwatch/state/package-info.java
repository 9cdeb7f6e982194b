/**
 * The state SPI: {@link io.roomwatch.state.SnapshotStore}, which restores what roomwatch remembered before a restart.
 */
@NullMarked
package io.roomwatch.state;

import org.jspecify.annotations.NullMarked;
