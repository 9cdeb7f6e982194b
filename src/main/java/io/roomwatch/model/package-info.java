/**
 * The domain of roomwatch: who is observed ({@link io.roomwatch.model.AppKey}, {@link io.roomwatch.model.RoomKey}),
 * what a poll observed ({@link io.roomwatch.model.Observation}), what roomwatch remembers
 * ({@link io.roomwatch.model.RoomState}) and what it publishes ({@link io.roomwatch.model.PresenceEvent}).
 *
 * <p>Everything here is an immutable value: no I/O, no Reactor, no clock. Times are {@link java.time.Instant}s that
 * the caller took from its injected scheduler or from the vendor.
 */
@NullMarked
package io.roomwatch.model;

import org.jspecify.annotations.NullMarked;
