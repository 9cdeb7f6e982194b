/**
 * The Kafka adapter: the {@link io.roomwatch.sink.EventSink} (one transactional session per app, its ownership claim,
 * producer errors classified once), how an event looks on the wire (record key, JSON value, CloudEvents binary-mode
 * headers), and the compacted state topic: its records ({@link io.roomwatch.kafka.StateRecords}), written in the same
 * transaction as the events, and read back by {@link io.roomwatch.kafka.KafkaSnapshotStore}. The only package that
 * uses Kafka types.
 */
@NullMarked
package io.roomwatch.kafka;

import org.jspecify.annotations.NullMarked;
