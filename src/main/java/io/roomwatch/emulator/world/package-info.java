/**
 * The ground truth the vendor APIs are answered from: {@link io.roomwatch.emulator.world.World} (live rooms and their
 * members, Volcengine call history, the bounded log of every true change). Thread-safe behind one short lock; all
 * times from the emulator clock. Knows no protocol.
 */
@NullMarked
package io.roomwatch.emulator.world;

import org.jspecify.annotations.NullMarked;
