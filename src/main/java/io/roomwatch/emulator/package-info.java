/**
 * A faithful, in-process emulator of the vendor server APIs roomwatch polls: Volcengine RTC OpenAPI
 * ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}), Tencent TUILiveKit ({@code live_engine_http_srv}) and TUIRoomKit
 * ({@code room_engine_http_srv}) REST.
 *
 * <p>This package is the emulator's public surface: the entry points ({@link io.roomwatch.emulator.VendorEmulator#create}
 * with an {@link io.roomwatch.emulator.EmulatorConfig} and the {@link reactor.core.scheduler.Scheduler} that is the
 * emulator's only clock; the started {@link io.roomwatch.emulator.RunningEmulator}; {@code EmulatorMain} to run it
 * alone), its options, the faults ({@link io.roomwatch.emulator.Fault}), the scenarios ({@link
 * io.roomwatch.emulator.ScenarioConfig}) and the read model of the ground truth ({@link
 * io.roomwatch.emulator.RoomAddress}, {@link io.roomwatch.emulator.TrueRoom}, {@link io.roomwatch.emulator.Change},
 * ...). The parts live in subpackages, each depending only on this package and the ones before it:
 *
 * <ul>
 *   <li>{@code world}: the ground truth ({@link io.roomwatch.emulator.world.World}), its change log and call history;
 *   <li>{@code http}: server plumbing, request ids, rate limits, the fault switchboard, body encodings;
 *   <li>{@code volcengine}, {@code tencent}: one vendor each, from signature or UserSig verification to the answers;
 *       they share no code with each other;
 *   <li>{@code scenario}: seeded activity played on the world;
 *   <li>{@code control}: the control API under {@code /__emulator/};
 *   <li>{@code callback}: vendor callbacks (webhooks) pushed for every true change, when {@link
 *       io.roomwatch.emulator.CallbackOptions} names a target.
 * </ul>
 *
 * <p>The emulator plays the vendor. It deliberately depends on no other {@code io.roomwatch} package, so that our
 * clients are checked against an independent implementation of the protocols, and no class of it bears the name of
 * one of roomwatch's own ({@code EmulatorArchitectureTest}).
 */
@NullMarked
package io.roomwatch.emulator;

import org.jspecify.annotations.NullMarked;
