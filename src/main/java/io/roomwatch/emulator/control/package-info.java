/**
 * The control API under {@code /__emulator/} ({@link io.roomwatch.emulator.control.ControlApi}): rooms, members,
 * ViewCounts, faults, scenarios, the ground truth and its change log, as JSON over loopback, without vendor auth.
 */
@NullMarked
package io.roomwatch.emulator.control;

import org.jspecify.annotations.NullMarked;
