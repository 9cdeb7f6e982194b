/**
 * A faithful, in-process emulator of the vendor server APIs roomwatch polls: Volcengine RTC OpenAPI
 * ({@code ListRoomInfo}, {@code GetRoomOnlineUsers}), Tencent TUILiveKit ({@code live_engine_http_srv}) and TUIRoomKit
 * ({@code room_engine_http_srv}) REST.
 *
 * <p>Entry points: {@link io.roomwatch.emulator.VendorEmulator#create} with an {@link io.roomwatch.emulator.EmulatorConfig}
 * and the {@link reactor.core.scheduler.Scheduler} that is the emulator's only clock; the started
 * {@link io.roomwatch.emulator.RunningEmulator} exposes the ground truth ({@link io.roomwatch.emulator.World}), the
 * fault switchboard ({@link io.roomwatch.emulator.Faults}) and the scenario engine. {@code EmulatorMain} runs it alone.
 *
 * <p>This package plays the vendor. It deliberately depends on no other {@code io.roomwatch} package, so that our
 * clients are checked against an independent implementation of the protocols.
 */
@NullMarked
package io.roomwatch.emulator;

import org.jspecify.annotations.NullMarked;
