/**
 * Seeded, deterministic activity played on the world: {@link io.roomwatch.emulator.scenario.ScenarioEngine} ticks one
 * {@code AppDriver} per app of a {@link io.roomwatch.emulator.ScenarioConfig}; {@link
 * io.roomwatch.emulator.scenario.ScenarioRunner} owns the one scenario a running emulator plays.
 */
@NullMarked
package io.roomwatch.emulator.scenario;

import org.jspecify.annotations.NullMarked;
