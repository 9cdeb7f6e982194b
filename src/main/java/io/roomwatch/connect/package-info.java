/**
 * roomwatch as a Kafka Connect source connector ({@code docs/connect.md}): the second composition root, beside {@code
 * io.roomwatch.app}. {@link io.roomwatch.connect.RoomwatchSourceConnector} validates the configuration and spreads the
 * apps over tasks; each {@link io.roomwatch.connect.RoomwatchSourceTask} runs the same engine ({@code
 * io.roomwatch.poll.AppPoller}) for its apps and delivers through Connect: its {@code EventSink} hands each batch's
 * event and state records to {@code poll()} and completes the commit when Connect reports them committed ({@code
 * commitRecord}), in exactly-once mode one Connect transaction per batch. {@link
 * io.roomwatch.connect.RoomwatchConverter} writes the events' {@code Struct}s and passes the state records' bytes
 * through. Like {@code app}, this package blocks (Connect's {@code poll()} is a blocking call) and subscribes at the
 * top.
 */
@NullMarked
package io.roomwatch.connect;

import org.jspecify.annotations.NullMarked;
