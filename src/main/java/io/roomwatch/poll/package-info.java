/**
 * The polling engine: per app, Reactor pipelines that keep a fresh picture of rooms and members within the vendor's
 * rate limits and turn each change into events through the pure differ. It sees only the SPIs ({@code
 * provider.RtcProvider}, {@code sink.EventSink}, {@code state.SnapshotStore}); {@code app} picks the implementations.
 */
@NullMarked
package io.roomwatch.poll;

import org.jspecify.annotations.NullMarked;
