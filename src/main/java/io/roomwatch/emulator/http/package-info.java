/**
 * Server plumbing shared by every endpoint: the Reactor Netty handler ({@link
 * io.roomwatch.emulator.http.EmulatorHttp}) that reads requests and delivers replies shaped by their fault (delayed,
 * cut, garbled, compressed, reset), the {@link io.roomwatch.emulator.http.Gate} every vendor call passes (rate limits,
 * then the fault switchboard {@link io.roomwatch.emulator.http.Faults}), request ids and JSON helpers. Knows no vendor
 * protocol and no ground truth.
 */
@NullMarked
package io.roomwatch.emulator.http;

import org.jspecify.annotations.NullMarked;
